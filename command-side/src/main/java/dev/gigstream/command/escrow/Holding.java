package dev.gigstream.command.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.escrow.CancelEscrow;
import dev.gigstream.messages.escrow.ChargebackLost;
import dev.gigstream.messages.escrow.ChargebackReceived;
import dev.gigstream.messages.escrow.EscrowCancelled;
import dev.gigstream.messages.escrow.EscrowFrozen;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowFundingRequested;
import dev.gigstream.messages.escrow.EscrowKeptFrozen;
import dev.gigstream.messages.escrow.EscrowRefundStarted;
import dev.gigstream.messages.escrow.EscrowReleased;
import dev.gigstream.messages.escrow.EscrowSettled;
import dev.gigstream.messages.escrow.EscrowStatus;
import dev.gigstream.messages.escrow.EscrowUnfrozen;
import dev.gigstream.messages.escrow.FreezeEscrow;
import dev.gigstream.messages.escrow.LedgerAccount;
import dev.gigstream.messages.escrow.PayoutFailed;
import dev.gigstream.messages.escrow.RecordChargeback;
import dev.gigstream.messages.escrow.RecordChargebackResolution;
import dev.gigstream.messages.escrow.UnfreezeEscrow;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateMember;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The money an escrow holds, its status, and what keeps the money from moving: a dispute's freeze or
 * the hold of a chargeback (see {@link Chargebacks}). Nothing is released while the money is frozen,
 * and nothing released or refunded while a chargeback holds it; only an unfunded escrow is cancelled.
 */
class Holding {

    private EscrowStatus status;
    private Money held;
    /** A dispute froze the money (an open chargeback may keep it frozen on its own). */
    private boolean frozenByDispute;
    /** RELEASING or REFUNDING, as the payout under way began: a failed or reversed payout returns the escrow to it. */
    private EscrowStatus payingOut;
    @AggregateMember
    private final Chargebacks chargebacks = new Chargebacks();

    EscrowStatus status() {
        return status;
    }

    /** Whether the escrow waits for Paystack to resolve a chargeback on the money it holds. */
    boolean chargebackOpen() {
        return chargebacks.open();
    }

    boolean chargebackResolved(String chargebackId) {
        return chargebacks.resolved(chargebackId);
    }

    void cancel(CancelEscrow command, EscrowTerms terms) {
        if (status == EscrowStatus.CANCELLED) {
            return;
        }
        if (status != EscrowStatus.AWAITING_FUNDING) {
            throw EscrowRefused.wrongState(terms.escrowId(), status, "cancelled (only an unfunded escrow is)");
        }
        apply(new EscrowCancelled(terms.escrowId(), terms.jobId(), command.reason()));
    }

    /** A dispute freezes the money; it is recorded also when an open chargeback froze it first. */
    void freeze(FreezeEscrow command, EscrowTerms terms) {
        if (status == EscrowStatus.FROZEN && (frozenByDispute || !chargebacks.holdMoney())) {
            return;
        }
        if (status != EscrowStatus.FUNDED && status != EscrowStatus.FROZEN) {
            throw EscrowRefused.wrongState(terms.escrowId(), status, "frozen");
        }
        apply(new EscrowFrozen(terms.escrowId(), command.reason()));
    }

    /** The dispute's freeze ends; a chargeback on the money keeps it frozen until Paystack resolves it. */
    void unfreeze(UnfreezeEscrow command, EscrowTerms terms) {
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
    void release(EscrowTerms terms, String payoutReference) {
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
    Money refundable(EscrowId escrowId) {
        if (chargebacks.holdMoney()) {
            throw EscrowRefused.chargebackHold(escrowId, chargebacks.holder());
        }
        if (status != EscrowStatus.FUNDED && status != EscrowStatus.FROZEN) {
            throw EscrowRefused.notFunded(escrowId, status);
        }
        return held;
    }

    void recordChargeback(RecordChargeback command, EscrowTerms terms) {
        chargebacks.record(command, terms, status);
    }

    void resolveChargeback(RecordChargebackResolution command, EscrowTerms terms, OperatorFlags flags) {
        chargebacks.resolve(command, terms, held, status == EscrowStatus.FROZEN && !frozenByDispute, flags);
    }

    @EventSourcingHandler
    void on(EscrowFundingRequested event) {
        held = Money.zero(event.total().currency());
        status = EscrowStatus.AWAITING_FUNDING;
    }

    @EventSourcingHandler
    void on(EscrowFunded event) {
        held = event.funded();
        status = chargebacks.unresolved() ? EscrowStatus.FROZEN : EscrowStatus.FUNDED; // a chargeback came first
    }

    @EventSourcingHandler
    void on(EscrowCancelled event) {
        status = EscrowStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(EscrowFrozen event) {
        status = EscrowStatus.FROZEN;
        frozenByDispute = true;
    }

    @EventSourcingHandler
    void on(EscrowUnfrozen event) {
        status = EscrowStatus.FUNDED; // only a funded escrow freezes
        frozenByDispute = false;
    }

    @EventSourcingHandler
    void on(EscrowKeptFrozen event) {
        frozenByDispute = false;
    }

    @EventSourcingHandler
    void on(ChargebackReceived event) {
        if (event.moneyHeld()) {
            status = EscrowStatus.FROZEN;
        }
    }

    @EventSourcingHandler
    void on(ChargebackLost event) {
        held = held.minus(new Money(Ledger.sum(event.postings(), LedgerAccount.ESCROW), held.currency()));
    }

    @EventSourcingHandler
    void on(EscrowReleased event) {
        held = Money.zero(held.currency());
        status = EscrowStatus.RELEASING;
        payingOut = status;
    }

    @EventSourcingHandler
    void on(EscrowRefundStarted event) {
        held = Money.zero(held.currency());
        status = EscrowStatus.REFUNDING;
        payingOut = status;
    }

    @EventSourcingHandler
    void on(PayoutFailed event) {
        status = payingOut; // a reversal reopens a settled escrow
    }

    @EventSourcingHandler
    void on(EscrowSettled event) {
        status = event.status();
    }
}
