package dev.gigstream.command.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.escrow.ConfirmPayout;
import dev.gigstream.messages.escrow.EscrowRefundStarted;
import dev.gigstream.messages.escrow.EscrowReleased;
import dev.gigstream.messages.escrow.EscrowStatus;
import dev.gigstream.messages.escrow.FlagPayoutForAdmin;
import dev.gigstream.messages.escrow.PayoutCompleted;
import dev.gigstream.messages.escrow.PayoutFailed;
import dev.gigstream.messages.escrow.PayoutFlaggedForAdmin;
import dev.gigstream.messages.escrow.PayoutRetryRequested;
import dev.gigstream.messages.escrow.ReportPayoutFailure;
import dev.gigstream.messages.escrow.RetryPayout;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.List;

import static dev.gigstream.messages.escrow.EscrowReferences.payout;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The transfers of an escrow's money to its worker: the one still owed (under the reference of the
 * next attempt), the one that went through, and how many were tried. Each attempt has its own
 * reference, so Paystack never pays one attempt twice. It decides what Paystack's answers about an
 * attempt mean, and what an operator may do about an attempt stuck waiting for them.
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

    private boolean isPending(String reference) {
        return reference.equals(pendingReference);
    }

    private boolean isCompleted(String reference) {
        return reference.equals(completedReference);
    }

    boolean startedWithPositiveAmount() {
        return amount != null && amount.isPositive();
    }

    String nextReference(EscrowId escrowId) {
        return payout(escrowId, attempts + 1);
    }

    /** Records the transfer as gone through; answers false when it was already known to have. */
    boolean confirm(ConfirmPayout command, EscrowTerms terms) {
        if (isCompleted(command.payoutReference())) {
            return false;
        }
        if (!isPending(command.payoutReference())) {
            throw EscrowRefused.unknownPayout(terms.escrowId(), command.payoutReference());
        }
        apply(new PayoutCompleted(terms.escrowId(), terms.jobId(), terms.workerId(), amount, command.payoutReference(),
                Ledger.payout(amount)));
        return true;
    }

    /**
     * A failed transfer gets a new reference for the next attempt. A reversal after success takes the
     * money back first and asks an operator, since the lifecycle that would retry it has ended.
     */
    void reportFailure(ReportPayoutFailure command, EscrowTerms terms) {
        boolean reversal = isCompleted(command.payoutReference());
        if (!reversal && !isPending(command.payoutReference())) {
            return; // an attempt already known to have failed, reported again
        }
        apply(new PayoutFailed(terms.escrowId(), command.payoutReference(), command.reason(), failures + 1,
                nextReference(terms.escrowId()), amount, reversal ? Ledger.reversal(amount) : List.of()));
        if (reversal) {
            apply(new PayoutFlaggedForAdmin(terms.escrowId(), terms.jobId(), pendingReference, "the payout "
                    + command.payoutReference() + " was reversed after it went through: check the worker's payout account, then retry"));
        }
    }

    void flagForAdmin(FlagPayoutForAdmin command, EscrowTerms terms, String stuckPayout) {
        if (isPending(command.payoutReference()) && !command.payoutReference().equals(stuckPayout)) {
            apply(new PayoutFlaggedForAdmin(terms.escrowId(), terms.jobId(), command.payoutReference(), command.reason()));
        }
    }

    /** An operator fixed what kept the payout from going through: the stuck attempt is tried again. */
    void retry(RetryPayout command, EscrowTerms terms, String stuckPayout, EscrowStatus status) {
        if (stuckPayout == null || !isPending(stuckPayout)) {
            throw EscrowRefused.noPayoutToRetry(terms.escrowId(), status);
        }
        apply(new PayoutRetryRequested(terms.escrowId(), terms.jobId(), terms.workerId(), pendingReference, amount,
                command.adminId()));
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
