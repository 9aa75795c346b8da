package dev.gigstream.api.paystack;

import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.paystack.PaystackException;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.distributed.CommandDispatchException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * A lost webhook never leaves money stuck nor ends a paying worker's premium: every few minutes
 * ({@code reconcile-every}; a db-scheduler recurring task, so one instance runs it even when there are
 * several) what should have heard from Paystack by now is checked against Paystack's API, and the answer
 * applied through the same commands as a webhook. Two kinds of work share it: escrows awaiting their
 * charge or payout, and premium subscriptions whose paid period has ended while they should renew. One
 * item that fails is tried again by the next sweep; the others go on.
 */
@Component
class ReconciliationSweep {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationSweep.class);
    static final int BATCH = 200;

    private final EscrowReconciliation escrows;
    private final PremiumReconciliation premiums;
    private final Clock clock;

    ReconciliationSweep(EscrowReconciliation escrows, PremiumReconciliation premiums, Clock clock) {
        this.escrows = escrows;
        this.premiums = premiums;
        this.clock = clock;
    }

    /** Both kinds of work, escrows first. */
    void sweep() {
        sweep(escrows);
        sweep(premiums);
    }

    /** @return how many Paystack answers no webhook had brought were applied */
    <T> int sweep(Reconciliation<T> work) {
        int applied = 0;
        MDC.put("source", "reconciliation");
        try {
            for (T item : work.due(clock.instant(), BATCH)) {
                if (reconciled(work, item)) {
                    applied++;
                }
            }
        } finally {
            MDC.remove("source");
        }
        if (applied > 0) {
            log.info("Reconciliation applied {} Paystack answer(s) about {}s that no webhook had brought", applied, work.what());
        }
        return applied;
    }

    private static <T> boolean reconciled(Reconciliation<T> work, T item) {
        try {
            return work.reconcile(item);
        } catch (PaystackException e) {
            if (e.notFound() && work.expectsNotFound()) {
                log.debug("Paystack does not know the {} {} yet", work.what(), work.idOf(item));
            } else {
                log.warn("Could not reconcile {} {}: {}", work.what(), work.idOf(item), e.getMessage());
            }
        } catch (RefusedException | CommandExecutionException | AggregateNotFoundException refused) {
            log.warn("Could not reconcile {} {}, refused: {}", work.what(), work.idOf(item), refused.getMessage());
        } catch (CommandDispatchException | AxonServerException undelivered) { // the command did not get through: next sweep
            log.warn("Could not reconcile {} {}, not delivered: {}", work.what(), work.idOf(item), undelivered.getMessage());
        }
        return false;
    }
}
