package dev.gigstream.api.escrow;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.gigstream.messages.escrow.EscrowStatus;
import dev.gigstream.messages.escrow.EscrowList;
import dev.gigstream.messages.escrow.EscrowView;
import dev.gigstream.messages.escrow.FindStaleEscrows;
import dev.gigstream.paystack.PaystackApi;
import dev.gigstream.paystack.PaystackClient;
import dev.gigstream.paystack.PaystackException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A lost webhook never leaves money stuck: every few minutes (a db-scheduler recurring task, so one
 * instance runs it even when there are several) every escrow still awaiting its charge or its payout
 * after a while is checked against Paystack's verify endpoints, and the answer applied through the
 * same commands as a webhook.
 */
@Configuration(proxyBeanMethods = false)
class ReconciliationSweep {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationSweep.class);
    static final int BATCH = 200;

    @Bean
    RecurringTask<Void> paystackReconciliation(PaystackProperties properties, QueryGateway queries,
                                               CommandGateway commands, PaystackClient paystack, Clock clock) {
        return Tasks.recurring("paystack-reconciliation", FixedDelay.of(properties.reconcileEvery()))
                .execute((instance, context) -> sweep(properties, queries, commands, paystack, clock));
    }

    private static Optional<Object> transferFact(PaystackApi.Transfer transfer) {
        return PaystackFacts.eventOfTransferStatus(transfer.status()).flatMap(event -> PaystackFacts.ofTransfer(transfer.reference(), event));
    }

    static int sweep(PaystackProperties properties, QueryGateway queries, CommandGateway commands,
                     PaystackClient paystack, Clock clock) {
        List<EscrowView> stale = queries.query(new FindStaleEscrows(clock.instant().minus(properties.reconcileAfter()), BATCH),
                EscrowList.class).join().items();
        int applied = 0;
        MDC.put("source", "reconciliation");
        try {
            for (EscrowView escrow : stale) {
                try {
                    var fact = escrow.status() == EscrowStatus.AWAITING_FUNDING
                            ? PaystackFacts.ofCharge(paystack.verifyTransaction(escrow.reference()))
                            : transferFact(paystack.verifyTransfer(escrow.pendingPayoutReference()));
                    if (fact.isPresent()) {
                        commands.sendAndWait(fact.get());
                        applied++;
                    }
                } catch (PaystackException e) {
                    if (e.notFound()) { // a payout attempt not sent yet (waiting for a retry or an operator)
                        log.debug("Paystack does not know the pending payout of escrow {} yet", escrow.escrowId());
                    } else {
                        log.warn("Could not reconcile escrow {}: {}", escrow.escrowId(), e.getMessage());
                    }
                } catch (RuntimeException e) { // the escrow refused the answer: next sweep
                    log.warn("Could not reconcile escrow {}: {}", escrow.escrowId(), e.getMessage());
                }
            }
        } finally {
            MDC.remove("source");
        }
        if (applied > 0) {
            log.info("Reconciliation applied {} Paystack answer(s) that no webhook had brought", applied);
        }
        return applied;
    }
}
