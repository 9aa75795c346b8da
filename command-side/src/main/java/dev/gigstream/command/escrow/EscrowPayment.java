package dev.gigstream.command.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.escrow.CancelEscrow;
import dev.gigstream.messages.escrow.ChargebackLost;
import dev.gigstream.messages.escrow.ChargebackReceived;
import dev.gigstream.messages.escrow.ChargebackResolved;
import dev.gigstream.messages.escrow.CheckoutOpened;
import dev.gigstream.messages.escrow.ConfirmEscrowFunded;
import dev.gigstream.messages.escrow.ConfirmPayout;
import dev.gigstream.messages.escrow.ConfirmRefund;
import dev.gigstream.messages.escrow.EscrowCancelled;
import dev.gigstream.messages.escrow.EscrowFlagCleared;
import dev.gigstream.messages.escrow.EscrowFlaggedForAdmin;
import dev.gigstream.messages.escrow.EscrowFrozen;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowFundingRequested;
import dev.gigstream.messages.escrow.EscrowKeptFrozen;
import dev.gigstream.messages.escrow.EscrowRefundStarted;
import dev.gigstream.messages.escrow.EscrowRefunded;
import dev.gigstream.messages.escrow.EscrowReleased;
import dev.gigstream.messages.escrow.EscrowSettled;
import dev.gigstream.messages.escrow.EscrowStatus;
import dev.gigstream.messages.escrow.EscrowUnfrozen;
import dev.gigstream.messages.escrow.FlagCauses;
import dev.gigstream.messages.escrow.FlagEscrowForAdmin;
import dev.gigstream.messages.escrow.FlagPayoutForAdmin;
import dev.gigstream.messages.escrow.FreezeEscrow;
import dev.gigstream.messages.escrow.LedgerAccount;
import dev.gigstream.messages.escrow.PayoutCompleted;
import dev.gigstream.messages.escrow.PayoutFailed;
import dev.gigstream.messages.escrow.PayoutFlaggedForAdmin;
import dev.gigstream.messages.escrow.PayoutRetryRequested;
import dev.gigstream.messages.escrow.RecordChargeback;
import dev.gigstream.messages.escrow.RecordChargebackResolution;
import dev.gigstream.messages.escrow.RecordCheckout;
import dev.gigstream.messages.escrow.RefundEscrow;
import dev.gigstream.messages.escrow.ReleaseEscrow;
import dev.gigstream.messages.escrow.ReportPayoutFailure;
import dev.gigstream.messages.escrow.RequestEscrowFunding;
import dev.gigstream.messages.escrow.RetryPayout;
import dev.gigstream.messages.escrow.UnfreezeEscrow;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static dev.gigstream.messages.escrow.EscrowReferences.charge;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The money of one hire, held between the client's payment and the worker's payout, with a
 * double-entry ledger in its events. It takes exactly the quoted total, once; pays out or refunds
 * at most what it holds; releases nothing while frozen, and releases or refunds nothing while a
 * chargeback holds the money (only Paystack's resolution lifts that hold, see {@link Chargebacks});
 * and treats a repeated command (a webhook delivered twice, a saga step redone) as a no-op. The
 * transfers to the worker are its {@link PayoutAttempts}; what it asks of an operator, its
 * {@link OperatorFlags} (each cleared when its cause is resolved); its postings, the {@link Ledger}'s entries.
 */
@Aggregate
public class EscrowPayment {

    @AggregateIdentifier
    private EscrowId escrowId;
    private JobId jobId;
    private String clientId;
    private WorkerId workerId;
    private EscrowStatus status;
    private Money pay;
    private Money serviceFee;
    private Money total;
    private String checkoutUrl;
    private boolean funded;
    private Money held;
    private Money refundOwed;
    private boolean refundStarted;
    /** A dispute froze the money (an open chargeback may keep it frozen on its own, see {@link Chargebacks}). */
    private boolean frozenByDispute;
    @AggregateMember
    private final PayoutAttempts payouts = new PayoutAttempts();
    @AggregateMember
    private final OperatorFlags flags = new OperatorFlags();
    @AggregateMember
    private final Chargebacks chargebacks = new Chargebacks();

    protected EscrowPayment() {
    }

    @CommandHandler
    public EscrowPayment(RequestEscrowFunding command, FeePolicy fees) {
        if (!command.pay().isPositive()) {
            throw EscrowRefused.invalidAmount(command.escrowId(), "the pay must be more than zero");
        }
        FeePolicy.Quote quote = fees.quote(command.pay());
        apply(new EscrowFundingRequested(command.escrowId(), command.jobId(), command.clientId(), command.workerId(),
                quote.pay(), quote.serviceFee(), quote.total(), charge(command.escrowId())));
    }

    @CommandHandler
    void handle(RecordCheckout command) {
        if (status == EscrowStatus.AWAITING_FUNDING && !command.authorizationUrl().equals(checkoutUrl)) {
            apply(new CheckoutOpened(escrowId, command.authorizationUrl()));
        }
    }

    @CommandHandler
    void handle(ConfirmEscrowFunded command) {
        if (funded) {
            return;
        }
        Money fee = command.processorFee();
        if (!charge(escrowId).equals(command.reference()) || !total.equals(command.paid())
                || !fee.sameCurrencyAs(total) || fee.isNegative() || fee.isGreaterThan(total)) {
            throw EscrowRefused.amountMismatch(escrowId, total, command.paid(), command.reference());
        }
        boolean cancelledBefore = status == EscrowStatus.CANCELLED;
        apply(new EscrowFunded(escrowId, jobId, total, fee, Ledger.funding(total, fee)));
        if (cancelledBefore) {
            apply(new EscrowFlaggedForAdmin(escrowId, jobId, "paid after the escrow was cancelled: refund the client"));
        }
    }

    @CommandHandler
    void handle(CancelEscrow command) {
        if (status == EscrowStatus.CANCELLED) {
            return;
        }
        if (status != EscrowStatus.AWAITING_FUNDING) {
            throw EscrowRefused.wrongState(escrowId, status, "cancelled (only an unfunded escrow is)");
        }
        apply(new EscrowCancelled(escrowId, jobId, command.reason()));
    }

    /** A dispute freezes the money; it is recorded also when an open chargeback froze it first. */
    @CommandHandler
    void handle(FreezeEscrow command) {
        if (status == EscrowStatus.FROZEN && (frozenByDispute || !chargebacks.holdMoney())) {
            return;
        }
        if (status != EscrowStatus.FUNDED && status != EscrowStatus.FROZEN) {
            throw EscrowRefused.wrongState(escrowId, status, "frozen");
        }
        apply(new EscrowFrozen(escrowId, command.reason()));
    }

    /** The dispute's freeze ends; a chargeback on the money keeps it frozen until Paystack resolves it. */
    @CommandHandler
    void handle(UnfreezeEscrow command) {
        if (status != EscrowStatus.FROZEN) {
            return;
        }
        if (chargebacks.holdMoney()) {
            if (frozenByDispute) {
                apply(new EscrowKeptFrozen(escrowId, jobId, command.reason(), chargebacks.holder()));
            }
            return;
        }
        apply(new EscrowUnfrozen(escrowId, command.reason()));
    }

    @CommandHandler
    void handle(ReleaseEscrow command) {
        if (status == EscrowStatus.RELEASING || status == EscrowStatus.RELEASED) {
            return;
        }
        if (chargebacks.holdMoney()) {
            throw EscrowRefused.chargebackHold(escrowId, chargebacks.holder());
        }
        if (status == EscrowStatus.FROZEN) {
            throw EscrowRefused.frozen(escrowId);
        }
        if (status != EscrowStatus.FUNDED) {
            throw EscrowRefused.notFunded(escrowId, status);
        }
        apply(new EscrowReleased(escrowId, jobId, workerId, pay, serviceFee, payouts.nextReference(escrowId),
                Ledger.release(held, pay)));
    }

    @CommandHandler
    void handle(ConfirmPayout command) {
        if (payouts.isCompleted(command.payoutReference())) {
            return;
        }
        if (!payouts.isPending(command.payoutReference())) {
            throw EscrowRefused.unknownPayout(escrowId, command.payoutReference());
        }
        Money amount = payouts.amount();
        apply(new PayoutCompleted(escrowId, jobId, workerId, amount, command.payoutReference(), Ledger.payout(amount)));
        settleWhenNothingIsOwed();
    }

    /**
     * A failed transfer gets a new reference for the next attempt. A reversal after success takes the
     * money back first and asks an operator, since the lifecycle that would retry it has ended.
     */
    @CommandHandler
    void handle(ReportPayoutFailure command) {
        boolean reversal = payouts.isCompleted(command.payoutReference());
        if (!reversal && !payouts.isPending(command.payoutReference())) {
            return; // an attempt already known to have failed, reported again
        }
        Money amount = payouts.amount();
        apply(new PayoutFailed(escrowId, command.payoutReference(), command.reason(), payouts.failures() + 1,
                payouts.nextReference(escrowId), amount, reversal ? Ledger.reversal(amount) : List.of()));
        if (reversal) {
            apply(new PayoutFlaggedForAdmin(escrowId, jobId, payouts.pendingReference(), "the payout "
                    + command.payoutReference() + " was reversed after it went through: check the worker's payout account, then retry"));
        }
    }

    @CommandHandler
    void handle(FlagPayoutForAdmin command) {
        if (payouts.isPending(command.payoutReference()) && !command.payoutReference().equals(flags.stuckPayout())) {
            apply(new PayoutFlaggedForAdmin(escrowId, jobId, command.payoutReference(), command.reason()));
        }
    }

    /** An operator fixed what kept the payout from going through: the stuck attempt is tried again. */
    @CommandHandler
    void handle(RetryPayout command) {
        if (flags.stuckPayout() == null || !payouts.isPending(flags.stuckPayout())) {
            throw EscrowRefused.noPayoutToRetry(escrowId, status);
        }
        apply(new PayoutRetryRequested(escrowId, jobId, workerId, payouts.pendingReference(), payouts.amount(),
                command.adminId()));
    }

    @CommandHandler
    void handle(FlagEscrowForAdmin command) {
        if (!flags.raised(command.reason()) && !resolved(command.cause())) {
            apply(new EscrowFlaggedForAdmin(escrowId, jobId, command.reason(), command.cause()));
        }
    }

    /** Whether what a flag would be about is already dealt with: the refund processed, the chargeback resolved. */
    private boolean resolved(String cause) {
        if (FlagCauses.REFUND.equals(cause)) {
            return refundStarted && refundOwed.isZero();
        }
        return FlagCauses.chargebackOf(cause).filter(chargebacks::resolved).isPresent();
    }

    /** The cause of some flags was resolved: they are cleared, flags about anything else stay. */
    private void clearFlags(String cause) {
        flags.raisedFor(cause).forEach(reason -> apply(new EscrowFlagCleared(escrowId, jobId, reason, cause)));
    }

    @CommandHandler
    void handle(RefundEscrow command) {
        if (refundStarted) {
            return;
        }
        if (chargebacks.holdMoney()) {
            throw EscrowRefused.chargebackHold(escrowId, chargebacks.holder());
        }
        if (status != EscrowStatus.FUNDED && status != EscrowStatus.FROZEN) {
            throw EscrowRefused.notFunded(escrowId, status);
        }
        Money share = command.workerShare();
        if (share.isNegative() || !share.sameCurrencyAs(total)) {
            throw EscrowRefused.invalidAmount(escrowId, "the worker's share is an amount of " + total.currency() + " >= 0");
        }
        if (share.isGreaterThan(held)) {
            throw EscrowRefused.exceedsFunds(escrowId, share, held);
        }
        Money refund = held.minus(share);
        apply(new EscrowRefundStarted(escrowId, jobId, workerId, refund, share,
                share.isPositive() ? payouts.nextReference(escrowId) : null, command.reason(), Ledger.refund(held, refund, share)));
    }

    @CommandHandler
    void handle(ConfirmRefund command) {
        if (refundStarted && refundOwed.isZero()) {
            return;
        }
        if (!refundStarted || !command.refunded().equals(refundOwed)) {
            throw EscrowRefused.amountMismatch(escrowId, refundOwed, command.refunded(), charge(escrowId));
        }
        apply(new EscrowRefunded(escrowId, jobId, command.refunded(), Ledger.refundProcessed(refundOwed)));
        clearFlags(FlagCauses.REFUND);
        settleWhenNothingIsOwed();
    }

    /**
     * A chargeback on the money the escrow holds freezes it until Paystack resolves the chargeback (a
     * dispute is opened for the client as well); one after the money left asks an operator to recover
     * it. Either way the escrow is flagged from the moment it arrives.
     */
    @CommandHandler
    void handle(RecordChargeback command) {
        if (chargebacks.knows(command.chargebackId())) {
            return;
        }
        boolean moneyHeld = status == EscrowStatus.FUNDED || status == EscrowStatus.FROZEN;
        apply(new ChargebackReceived(escrowId, jobId, clientId, command.chargebackId(), command.reason(), moneyHeld,
                command.at()));
        apply(new EscrowFlaggedForAdmin(escrowId, jobId, moneyHeld
                ? "chargeback " + command.chargebackId() + " on the money the escrow holds: it stays frozen until Paystack"
                + " resolves the chargeback; contest it at Paystack"
                : "chargeback " + command.chargebackId() + " while the escrow is " + status
                + ": contest it at Paystack or recover the money", FlagCauses.chargeback(command.chargebackId())));
    }

    /**
     * Won ({@code declined}): its flag clears and, when nothing else freezes the money, the escrow
     * unfreezes. Lost: the card network took the money back, paid first from what the escrow still
     * holds (which stays frozen for good), the rest being the platform's loss. A resolution Paystack
     * does not document is recorded and changes nothing else: an operator looks at the flag.
     */
    @CommandHandler
    void handle(RecordChargebackResolution command) {
        String chargebackId = command.chargebackId();
        if (chargebacks.resolved(chargebackId)) {
            return;
        }
        apply(new ChargebackResolved(escrowId, jobId, chargebackId, command.resolution()));
        if (!chargebacks.knows(chargebackId)) {
            return; // Paystack never told us of it: recorded for the record
        }
        if (Chargebacks.WON.equals(command.resolution())) {
            clearFlags(FlagCauses.chargeback(chargebackId));
            if (status == EscrowStatus.FROZEN && !frozenByDispute && !chargebacks.holdMoney()) {
                apply(new EscrowUnfrozen(escrowId, "chargeback " + chargebackId + " resolved in the platform's favour"));
            }
        } else if (Chargebacks.LOST.equals(command.resolution())) {
            Money amount = Chargebacks.takenBack(command.amount(), total);
            apply(new ChargebackLost(escrowId, jobId, chargebackId, amount, Ledger.chargebackLost(held, amount)));
            clearFlags(FlagCauses.chargeback(chargebackId));
            apply(new EscrowFlaggedForAdmin(escrowId, jobId, "chargeback " + chargebackId + " lost: the card network took back "
                    + amount.amount() + " " + amount.currency() + " (see the ledger): recover the money or write it off", null));
        }
    }

    /** Once nothing is owed any more (no payout pending, no refund unprocessed) the escrow is settled. */
    private void settleWhenNothingIsOwed() {
        if (payouts.owed() || refundOwed.isPositive()) {
            return;
        }
        EscrowStatus settled = status == EscrowStatus.RELEASING ? EscrowStatus.RELEASED
                : payouts.startedWithPositiveAmount() ? EscrowStatus.SPLIT : EscrowStatus.REFUNDED;
        apply(new EscrowSettled(escrowId, jobId, settled));
    }

    @EventSourcingHandler
    void on(EscrowFundingRequested event) {
        escrowId = event.escrowId();
        jobId = event.jobId();
        clientId = event.clientId();
        workerId = event.workerId();
        pay = event.pay();
        serviceFee = event.serviceFee();
        total = event.total();
        held = Money.zero(total.currency());
        refundOwed = Money.zero(total.currency());
        status = EscrowStatus.AWAITING_FUNDING;
    }

    @EventSourcingHandler
    void on(CheckoutOpened event) {
        checkoutUrl = event.authorizationUrl();
    }

    @EventSourcingHandler
    void on(EscrowFunded event) {
        funded = true;
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
        held = Money.zero(total.currency());
        status = EscrowStatus.RELEASING;
    }

    @EventSourcingHandler
    void on(PayoutFailed event) {
        status = refundStarted ? EscrowStatus.REFUNDING : EscrowStatus.RELEASING; // a reversal reopens a settled escrow
    }

    @EventSourcingHandler
    void on(EscrowSettled event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(EscrowRefundStarted event) {
        held = Money.zero(total.currency());
        refundOwed = event.refund();
        refundStarted = true;
        status = EscrowStatus.REFUNDING;
    }

    @EventSourcingHandler
    void on(EscrowRefunded event) {
        refundOwed = Money.zero(total.currency());
    }

    /** Whether the escrow waits for Paystack to resolve a chargeback on the money it holds (for its specifications). */
    boolean chargebackOpen() {
        return chargebacks.open();
    }
}
