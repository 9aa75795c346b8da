package dev.gigstream.command.escrow;

import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.escrow.ConfirmRefund;
import dev.gigstream.messages.escrow.EscrowFundingRequested;
import dev.gigstream.messages.escrow.EscrowRefundStarted;
import dev.gigstream.messages.escrow.EscrowRefunded;
import dev.gigstream.messages.escrow.RefundEscrow;
import org.axonframework.eventsourcing.EventSourcingHandler;

import static dev.gigstream.messages.escrow.EscrowReferences.charge;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The money an escrow gives back instead of releasing it: what it held, split into the client's
 * refund and the worker's share (paid as a payout), started once, and processed when Paystack
 * confirms exactly the refund owed.
 */
class Refund {

    private Money owed;
    private boolean started;

    boolean started() {
        return started;
    }

    /** Whether Paystack processed the refund: nothing of it is owed any more. */
    boolean processed() {
        return started && owed.isZero();
    }

    boolean owed() {
        return owed.isPositive();
    }

    /** Splits what the escrow holds: the worker's share (a payout under {@code payoutReference}), the rest to the client. */
    void start(RefundEscrow command, EscrowTerms terms, Money held, String payoutReference) {
        Money share = command.workerShare();
        if (share.isNegative() || !share.sameCurrencyAs(terms.total())) {
            throw EscrowRefused.invalidAmount(terms.escrowId(),
                    "the worker's share is an amount of " + terms.total().currency() + " >= 0");
        }
        if (share.isGreaterThan(held)) {
            throw EscrowRefused.exceedsFunds(terms.escrowId(), share, held);
        }
        Money refund = held.minus(share);
        apply(new EscrowRefundStarted(terms.escrowId(), terms.jobId(), terms.workerId(), refund, share,
                share.isPositive() ? payoutReference : null, command.reason(), Ledger.refund(held, refund, share)));
    }

    /** Records the refund as processed; answers false when it already was. */
    boolean confirm(ConfirmRefund command, EscrowTerms terms) {
        if (processed()) {
            return false;
        }
        if (!started || !command.refunded().equals(owed)) {
            throw EscrowRefused.amountMismatch(terms.escrowId(), owed, command.refunded(), charge(terms.escrowId()));
        }
        apply(new EscrowRefunded(terms.escrowId(), terms.jobId(), command.refunded(), Ledger.refundProcessed(owed)));
        return true;
    }

    @EventSourcingHandler
    void on(EscrowFundingRequested event) {
        owed = Money.zero(event.total().currency());
    }

    @EventSourcingHandler
    void on(EscrowRefundStarted event) {
        owed = event.refund();
        started = true;
    }

    @EventSourcingHandler
    void on(EscrowRefunded event) {
        owed = Money.zero(owed.currency());
    }
}
