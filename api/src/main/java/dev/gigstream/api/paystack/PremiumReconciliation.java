package dev.gigstream.api.paystack;

import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.worker.ExtendPremium;
import dev.gigstream.messages.worker.StopPremiumRenewal;
import dev.gigstream.paystack.PaystackClient;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * A lost renewal webhook never ends a paying worker's premium for good: each subscription whose paid
 * period has ended while it should still renew is looked up at Paystack; a later next payment date
 * extends premium, a subscription that no longer renews stops the renewal (premium then ends with its
 * period).
 */
@Component
class PremiumReconciliation implements Reconciliation<PremiumSubscriptions.Subscription> {

    private final PremiumSubscriptions subscriptions;
    private final CommandGateway commands;
    private final PaystackClient paystack;

    PremiumReconciliation(PremiumSubscriptions subscriptions, CommandGateway commands, PaystackClient paystack) {
        this.subscriptions = subscriptions;
        this.commands = commands;
        this.paystack = paystack;
    }

    @Override
    public String what() {
        return "premium subscription";
    }

    @Override
    public List<PremiumSubscriptions.Subscription> due(Instant now, int limit) {
        return subscriptions.lapsedBefore(now, limit);
    }

    @Override
    public String idOf(PremiumSubscriptions.Subscription subscription) {
        return subscription.code();
    }

    @Override
    public boolean reconcile(PremiumSubscriptions.Subscription known) {
        var current = paystack.fetchSubscription(known.code());
        if (current.renews() && current.nextPaymentDate() != null && current.nextPaymentDate().isAfter(known.periodEnd())) {
            commands.sendAndWait(new ExtendPremium(WorkerId.of(known.workerId()), current.nextPaymentDate()));
        } else if (!current.renews()) {
            commands.sendAndWait(new StopPremiumRenewal(WorkerId.of(known.workerId()), "Paystack: subscription " + current.status()));
        } else {
            return false; // still due: Paystack is retrying the charge
        }
        subscriptions.save(new PremiumSubscriptions.Subscription(known.code(), known.workerId(), known.emailToken(),
                known.planCode(), current.status(), current.nextPaymentDate() == null ? known.periodEnd()
                : current.nextPaymentDate()));
        return true;
    }
}
