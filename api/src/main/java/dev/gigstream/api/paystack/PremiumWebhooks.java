package dev.gigstream.api.paystack;

import dev.gigstream.api.auth.AccountEmails;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.worker.ExtendPremium;
import dev.gigstream.messages.worker.StopPremiumRenewal;
import dev.gigstream.paystack.PaystackEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What Paystack's subscription events mean for a worker's premium, as commands: a new subscription or
 * a renewal charge pays a period, a subscription that will not renew (or is disabled) stops the
 * renewal, and a failed invoice changes nothing (premium lasts to the period's end anyway). Events for
 * a customer who is not one of our workers, or for another plan, give no command and are logged.
 */
@Component
public class PremiumWebhooks {

    private static final Logger log = LoggerFactory.getLogger(PremiumWebhooks.class);

    private final PremiumPlans plans;
    private final PremiumSubscriptions subscriptions;
    private final AccountEmails accounts;

    PremiumWebhooks(PremiumPlans plans, PremiumSubscriptions subscriptions, AccountEmails accounts) {
        this.plans = plans;
        this.subscriptions = subscriptions;
        this.accounts = accounts;
    }

    /** A charge for one of our plans: a premium payment rather than an escrow's. */
    public boolean isPremiumCharge(PaystackEvents.Charge charge) {
        String plan = charge.planCode();
        return plan != null && plans.currencyOf(plan).isPresent();
    }

    /** {@code subscription.create}, {@code .not_renew} or {@code .disable}. */
    public Optional<Object> command(String event, PaystackEvents.Subscription subscription) {
        return event.equals("subscription.create") ? subscriptionCreated(subscription) : renewalStopped(subscription, event);
    }

    /** {@code invoice.payment_failed}: nothing to do, premium lasts to the end of its period anyway. */
    public Optional<Object> renewalFailed(PaystackEvents.Invoice invoice) {
        log.info("Premium renewal failed for subscription {}: premium lasts to the end of its period",
                invoice.subscriptionCode());
        return Optional.empty();
    }

    private Optional<Object> subscriptionCreated(PaystackEvents.Subscription subscription) {
        String code = subscription.subscriptionCode();
        String plan = subscription.planCode();
        Optional<String> worker = ours(plan, subscription.customerEmail());
        Instant until = subscription.nextPaymentDate();
        if (worker.isEmpty() || until == null) {
            log.warn("Paystack subscription {} (plan {}) is not one of our workers' premium subscriptions", code, plan);
            return Optional.empty();
        }
        subscriptions.save(new PremiumSubscriptions.Subscription(code, worker.get(),
                subscription.emailToken() == null ? "" : subscription.emailToken(), plan,
                subscription.status() == null ? "active" : subscription.status(), until));
        return Optional.of(new ExtendPremium(WorkerId.of(worker.get()), until));
    }

    /** A renewal pays the next month: the period runs from the charge to a month later, in the plan's rhythm. */
    public Optional<Object> renewed(PaystackEvents.Charge charge) {
        String plan = charge.planCode();
        Optional<String> worker = ours(plan, charge.customerEmail());
        Instant paidAt = charge.paidAt();
        Optional<PremiumSubscriptions.Subscription> subscription = worker.flatMap(subscriptions::renewingOf);
        if (subscription.isEmpty() || paidAt == null) {
            log.info("Premium charge {} for plan {} comes before its subscription is known: subscription.create pays the period",
                    charge.reference(), plan);
            return Optional.empty();
        }
        Instant until = paidAt.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
        var known = subscription.get();
        subscriptions.save(new PremiumSubscriptions.Subscription(known.code(), known.workerId(), known.emailToken(),
                known.planCode(), "active", until.isAfter(known.periodEnd()) ? until : known.periodEnd()));
        return Optional.of(new ExtendPremium(WorkerId.of(known.workerId()), until));
    }

    private Optional<Object> renewalStopped(PaystackEvents.Subscription subscription, String event) {
        String code = subscription.subscriptionCode();
        return subscriptions.byCode(code).map(known -> {
            subscriptions.save(new PremiumSubscriptions.Subscription(known.code(), known.workerId(), known.emailToken(),
                    known.planCode(), subscription.status() == null ? "non-renewing" : subscription.status(),
                    known.periodEnd()));
            return (Object) new StopPremiumRenewal(WorkerId.of(known.workerId()), "Paystack: " + event);
        }).or(() -> {
            log.warn("Paystack {} for subscription {} that is not one of ours", event, code);
            return Optional.empty();
        });
    }

    private Optional<String> ours(String planCode, String email) {
        if (planCode == null || email == null || plans.currencyOf(planCode).isEmpty()) {
            return Optional.empty();
        }
        return accounts.workerWithEmail(email);
    }
}
