package dev.gigstream.command.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.escrow.EscrowRefundStarted;
import dev.gigstream.messages.escrow.EscrowReleased;
import dev.gigstream.messages.escrow.PayoutCompleted;
import dev.gigstream.messages.escrow.PayoutFailed;
import org.axonframework.eventsourcing.EventSourcingHandler;

import static dev.gigstream.messages.escrow.EscrowReferences.payout;

/**
 * The transfers of an escrow's money to its worker: the one still owed (under the reference of the
 * next attempt), the one that went through, and how many were tried. Each attempt has its own
 * reference, so Paystack never pays one attempt twice.
 */
class PayoutAttempts {

    private String pendingReference;
    private String completedReference;
    private Money amount;
    private int attempts;
    private int failures;

    boolean owed() {
        return pendingReference != null;
    }

    boolean isPending(String reference) {
        return reference.equals(pendingReference);
    }

    boolean isCompleted(String reference) {
        return reference.equals(completedReference);
    }

    boolean startedWithPositiveAmount() {
        return amount != null && amount.isPositive();
    }

    String pendingReference() {
        return pendingReference;
    }

    String nextReference(EscrowId escrowId) {
        return payout(escrowId, attempts + 1);
    }

    Money amount() {
        return amount;
    }

    int failures() {
        return failures;
    }

    @EventSourcingHandler
    void on(EscrowReleased event) {
        start(event.payoutReference(), event.workerAmount());
    }

    @EventSourcingHandler
    void on(EscrowRefundStarted event) {
        if (event.payoutReference() != null) {
            start(event.payoutReference(), event.workerShare());
        }
    }

    @EventSourcingHandler
    void on(PayoutCompleted event) {
        completedReference = event.payoutReference();
        pendingReference = null;
    }

    @EventSourcingHandler
    void on(PayoutFailed event) {
        failures = event.failures();
        attempts++;
        pendingReference = event.nextPayoutReference();
        completedReference = null;
    }

    private void start(String reference, Money payoutAmount) {
        pendingReference = reference;
        amount = payoutAmount;
        attempts++;
    }
}
