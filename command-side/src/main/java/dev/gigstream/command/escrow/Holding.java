package dev.gigstream.command.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.escrow.CancelEscrow;
import dev.gigstream.messages.escrow.ChargebackLost;
import dev.gigstream.messages.escrow.EscrowCancelled;
import dev.gigstream.messages.escrow.EscrowFrozen;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowFundingRequested;
import dev.gigstream.messages.escrow.EscrowKeptFrozen;
import dev.gigstream.messages.escrow.EscrowRefundStarted;
import dev.gigstream.messages.escrow.EscrowReleased;
import dev.gigstream.messages.escrow.EscrowStatus;
import dev.gigstream.messages.escrow.EscrowUnfrozen;
import dev.gigstream.messages.escrow.FreezeEscrow;
import dev.gigstream.messages.escrow.LedgerAccount;
import dev.gigstream.messages.escrow.RecordChargeback;
import dev.gigstream.messages.escrow.RecordChargebackResolution;
import dev.gigstream.messages.escrow.UnfreezeEscrow;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateMember;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The money an escrow holds and what keeps the money from moving: a dispute's freeze or
 * the hold of a chargeback (see {@link Chargebacks}). Nothing is released while the money is frozen,
 * and nothing released or refunded while a chargeback holds it; only an unfunded escrow is cancelled.
 * The escrow's status is the root's, given with each command.
 */
class Holding {

    private Money held;
    /** A dispute froze the money (an open chargeback may keep it frozen on its own). */
    private boolean frozenByDispute;
    @AggregateMember
    private final Chargebacks chargebacks = new Chargebacks();

    /** Whether a chargeback Paystack told of is still unresolved (so money that arrives now is held). */
    boolean chargebackUnresolved() {
        return chargebacks.unresolved();
    }

    /** Whether the escrow waits for Paystack to resolve a chargeback on the money it holds. */
    boolean chargebackOpen() {
        return chargebacks.open();
    }

    boolean chargebackResolved(String chargebackId) {
        return chargebacks.resolved(chargebackId);
    }

    void cancel(CancelEscrow command, EscrowTerms terms, EscrowStatus status) {
        if (status == EscrowStatus.CANCELLED) {
            return;
        }
        if (status != EscrowStatus.AWAITING_FUNDING) {
            throw EscrowRefused.wrongState(terms.escrowId(), status, "cancelled (only an unfunded escrow is)");
        }
        apply(new EscrowCancelled(terms.escrowId(), terms.jobId(), command.reason()));
    }

    /** A dispute freezes the money; it is recorded also when an open chargeback froze it first. */
    void freeze(FreezeEscrow command, EscrowTerms terms, EscrowStatus status) {
        if (status == EscrowStatus.FROZEN && (frozenByDispute || !chargebacks.holdMoney())) {
            return;
        }
        if (status != EscrowStatus.FUNDED && status != EscrowStatus.FROZEN) {
            throw EscrowRefused.wrongState(terms.escrowId(), status, "frozen");
        }
        apply(new EscrowFrozen(terms.escrowId(), command.reason()));
    }

    /** The dispute's freeze ends; a chargeback on the money keeps it frozen until Paystack resolves it. */
    void unfreeze(UnfreezeEscrow command, EscrowTerms terms, EscrowStatus status) {
        if (status != EscrowStatus.FROZEN) {
            return;
        }
        if (chargebacks.holdMoney()) {
            if (frozenByDispute) {
                apply(new EscrowKeptFrozen(terms.escrowId(), terms.jobId(), command.reason(), chargebacks.holder()));
            }
            return;
        }
        apply(new EscrowUnfrozen(terms.escrowId(), command.reason()));
    }

    /** The money held goes to the worker (the pay, a payout under {@code payoutReference}) and the platform (the fee). */
    void release(EscrowTerms terms, String payoutReference, EscrowStatus status) {
        if (status == EscrowStatus.RELEASING || status == EscrowStatus.RELEASED) {
            return;
        }
        if (chargebacks.holdMoney()) {
            throw EscrowRefused.chargebackHold(terms.escrowId(), chargebacks.holder());
        }
        if (status == EscrowStatus.FROZEN) {
            throw EscrowRefused.frozen(terms.escrowId());
        }
        if (status != EscrowStatus.FUNDED) {
            throw EscrowRefused.notFunded(terms.escrowId(), status);
        }
        apply(new EscrowReleased(terms.escrowId(), terms.jobId(), terms.workerId(), terms.pay(), terms.serviceFee(),
                payoutReference, Ledger.release(held, terms.pay())));
    }

    /** What a refund may give back: all the money held, unless a chargeback holds it or the escrow holds none. */
    Money refundable(EscrowId escrowId, EscrowStatus status) {
        if (chargebacks.holdMoney()) {
            throw EscrowRefused.chargebackHold(escrowId, chargebacks.holder());
        }
        if (status != EscrowStatus.FUNDED && status != EscrowStatus.FROZEN) {
            throw EscrowRefused.notFunded(escrowId, status);
        }
        return held;
    }

    void recordChargeback(RecordChargeback command, EscrowTerms terms, EscrowStatus status) {
        chargebacks.record(command, terms, status);
    }

    void resolveChargeback(RecordChargebackResolution command, EscrowTerms terms, OperatorFlags flags, EscrowStatus status) {
        chargebacks.resolve(command, terms, held, status == EscrowStatus.FROZEN && !frozenByDispute, flags);
    }

    @EventSourcingHandler
    void on(EscrowFundingRequested event) {
        held = Money.zero(event.total().currency());
    }

    @EventSourcingHandler
    void on(EscrowFunded event) {
        held = event.funded();
    }

    @EventSourcingHandler
    void on(EscrowFrozen event) {
        frozenByDispute = true;
    }

    @EventSourcingHandler
    void on(EscrowUnfrozen event) {
        frozenByDispute = false;
    }

    @EventSourcingHandler
    void on(EscrowKeptFrozen event) {
        frozenByDispute = false;
    }

    @EventSourcingHandler
    void on(ChargebackLost event) {
        held = held.minus(new Money(Ledger.sum(event.postings(), LedgerAccount.ESCROW), held.currency()));
    }

    @EventSourcingHandler
    void on(EscrowReleased event) {
        held = Money.zero(held.currency());
    }

    @EventSourcingHandler
    void on(EscrowRefundStarted event) {
        held = Money.zero(held.currency());
    }
}
