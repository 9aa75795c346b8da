package dev.gigstream.api.premium;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.gigstream.api.escrow.PaystackProperties;
import dev.gigstream.messages.worker.ExtendPremium;
import dev.gigstream.messages.worker.StopPremiumRenewal;
import dev.gigstream.paystack.PaystackClient;
import dev.gigstream.paystack.PaystackException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * A lost renewal webhook never ends a paying worker's premium for good: every few minutes (one
 * instance at a time) each subscription whose paid period has ended while it should still renew is
 * looked up at Paystack; a later next payment date extends premium, a subscription that no longer
 * renews stops the renewal (premium then ends with its period).
 */
@Configuration(proxyBeanMethods = false)
class PremiumReconciliation {

    private static final Logger log = LoggerFactory.getLogger(PremiumReconciliation.class);
    static final int BATCH = 200;

    @Bean
    RecurringTask<Void> premiumReconciliationTask(PaystackProperties properties, PremiumSubscriptions subscriptions,
                                              CommandGateway commands, PaystackClient paystack, Clock clock) {
        return Tasks.recurring("premium-reconciliation", FixedDelay.of(properties.reconcileEvery()))
                .execute((instance, context) -> sweep(subscriptions, commands, paystack, clock));
    }

    static int sweep(PremiumSubscriptions subscriptions, CommandGateway commands, PaystackClient paystack, Clock clock) {
        int applied = 0;
        MDC.put("source", "reconciliation");
        try {
            for (var known : subscriptions.lapsedBefore(clock.instant(), BATCH)) {
                try {
                    var current = paystack.fetchSubscription(known.code());
                    if (current.renews() && current.nextPaymentDate() != null && current.nextPaymentDate().isAfter(known.periodEnd())) {
                        commands.sendAndWait(new ExtendPremium(known.workerId(), current.nextPaymentDate()));
                    } else if (!current.renews()) {
                        commands.sendAndWait(new StopPremiumRenewal(known.workerId(), "Paystack: subscription " + current.status()));
                    } else {
                        continue; // still due: Paystack is retrying the charge
                    }
                    subscriptions.save(new PremiumSubscriptions.Subscription(known.code(), known.workerId(), known.emailToken(),
                            known.planCode(), current.status(), current.nextPaymentDate() == null ? known.periodEnd()
                            : current.nextPaymentDate()));
                    applied++;
                } catch (PaystackException e) {
                    log.warn("Could not reconcile premium subscription {}: {}", known.code(), e.getMessage());
                }
            }
        } finally {
            MDC.remove("source");
        }
        if (applied > 0) {
            log.info("Premium reconciliation applied {} subscription(s) that no webhook had brought", applied);
        }
        return applied;
    }
}
