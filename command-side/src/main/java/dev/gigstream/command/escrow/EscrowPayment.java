package dev.gigstream.command.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.escrow.CancelEscrow;
import dev.gigstream.messages.escrow.ChargebackReceived;
import dev.gigstream.messages.escrow.ConfirmEscrowFunded;
import dev.gigstream.messages.escrow.ConfirmPayout;
import dev.gigstream.messages.escrow.ConfirmRefund;
import dev.gigstream.messages.escrow.EscrowCancelled;
import dev.gigstream.messages.escrow.EscrowFrozen;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowFundingRequested;
import dev.gigstream.messages.escrow.EscrowRefundStarted;
import dev.gigstream.messages.escrow.EscrowReleased;
import dev.gigstream.messages.escrow.EscrowSettled;
import dev.gigstream.messages.escrow.EscrowStatus;
import dev.gigstream.messages.escrow.EscrowUnfrozen;
import dev.gigstream.messages.escrow.FlagCauses;
import dev.gigstream.messages.escrow.FlagEscrowForAdmin;
import dev.gigstream.messages.escrow.FlagPayoutForAdmin;
import dev.gigstream.messages.escrow.FreezeEscrow;
import dev.gigstream.messages.escrow.PayoutFailed;
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
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import static dev.gigstream.messages.escrow.EscrowReferences.charge;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The money of one hire, held between the client's payment and the worker's payout, with a
 * double-entry ledger in its events. It takes exactly the quoted total, once ({@link Funding}); holds
 * it, frozen by a dispute or a chargeback ({@link Holding}, {@link Chargebacks}); pays out
 * ({@link PayoutAttempts}) or refunds ({@link Refund}) at most what it holds; and treats a repeated
 * command (a webhook delivered twice, a saga step redone) as a no-op. What it asks of an operator is
 * its {@link OperatorFlags} (each cleared when its cause is resolved); its postings, the
 * {@link Ledger}'s entries. This root keeps the escrow's terms and status, takes each command to the
 * part that decides it, giving it the {@link EscrowTerms}, the status and what it needs of the other
 * parts, and settles the escrow once nothing is owed.
 * <p>
 * Not snapshotted (its history is short). Its {@code @Revision} names the shape of its fields and its
 * parts', so a snapshot of another shape is passed over, not misread: raise it when they change.
 */
@Aggregate
@Revision("2")
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
    @AggregateMember
    private final Funding funding = new Funding();
    @AggregateMember
    private final Holding holding = new Holding();
    @AggregateMember
    private final PayoutAttempts payouts = new PayoutAttempts();
    @AggregateMember
    private final Refund refund = new Refund();
    @AggregateMember
    private final OperatorFlags flags = new OperatorFlags();

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
        funding.openCheckout(command, terms(), status);
    }

    @CommandHandler
    void handle(ConfirmEscrowFunded command) {
        funding.confirm(command, terms(), status);
    }

    @CommandHandler
    void handle(CancelEscrow command) {
        holding.cancel(command, terms(), status);
    }

    @CommandHandler
    void handle(FreezeEscrow command) {
        holding.freeze(command, terms(), status);
    }

    @CommandHandler
    void handle(UnfreezeEscrow command) {
        holding.unfreeze(command, terms(), status);
    }

    @CommandHandler
    void handle(ReleaseEscrow command) {
        holding.release(terms(), payouts.nextReference(escrowId), status);
    }

    @CommandHandler
    void handle(ConfirmPayout command) {
        if (payouts.confirm(command, terms())) {
            settleWhenNothingIsOwed();
        }
    }

    @CommandHandler
    void handle(ReportPayoutFailure command) {
        payouts.reportFailure(command, terms());
    }

    @CommandHandler
    void handle(FlagPayoutForAdmin command) {
        payouts.flagForAdmin(command, terms(), flags.stuckPayout());
    }

    @CommandHandler
    void handle(RetryPayout command) {
        payouts.retry(command, terms(), flags.stuckPayout(), status);
    }

    @CommandHandler
    void handle(RefundEscrow command) {
        if (refund.started()) {
            return;
        }
        refund.start(command, terms(), holding.refundable(escrowId, status), payouts.nextReference(escrowId));
    }

    @CommandHandler
    void handle(ConfirmRefund command) {
        if (refund.confirm(command, terms())) {
            flags.clear(FlagCauses.REFUND, terms());
            settleWhenNothingIsOwed();
        }
    }

    @CommandHandler
    void handle(RecordChargeback command) {
        holding.recordChargeback(command, terms(), status);
    }

    @CommandHandler
    void handle(RecordChargebackResolution command) {
        holding.resolveChargeback(command, terms(), flags, status);
    }

    /** A flag whose cause is already dealt with (the refund processed, the chargeback resolved) is not raised. */
    @CommandHandler
    void handle(FlagEscrowForAdmin command) {
        boolean resolved = FlagCauses.REFUND.equals(command.cause()) ? refund.processed()
                : FlagCauses.chargebackOf(command.cause()).filter(holding::chargebackResolved).isPresent();
        flags.flag(command, terms(), resolved);
    }

    /** Once nothing is owed any more (no payout pending, no refund unprocessed) the escrow is settled. */
    private void settleWhenNothingIsOwed() {
        if (payouts.owed() || refund.owed()) {
            return;
        }
        EscrowStatus settled = status == EscrowStatus.RELEASING ? EscrowStatus.RELEASED
                : payouts.startedWithPositiveAmount() ? EscrowStatus.SPLIT : EscrowStatus.REFUNDED;
        apply(new EscrowSettled(escrowId, jobId, settled));
    }

    private EscrowTerms terms() {
        return new EscrowTerms(escrowId, jobId, clientId, workerId, pay, serviceFee, total);
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
        status = EscrowStatus.AWAITING_FUNDING;
    }

    @EventSourcingHandler
    void on(EscrowFunded event) {
        status = holding.chargebackUnresolved() ? EscrowStatus.FROZEN : EscrowStatus.FUNDED; // a chargeback came first
    }

    @EventSourcingHandler
    void on(EscrowCancelled event) {
        status = EscrowStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(EscrowFrozen event) {
        status = EscrowStatus.FROZEN;
    }

    @EventSourcingHandler
    void on(EscrowUnfrozen event) {
        status = EscrowStatus.FUNDED; // only a funded escrow freezes
    }

    @EventSourcingHandler
    void on(ChargebackReceived event) {
        if (event.moneyHeld()) {
            status = EscrowStatus.FROZEN;
        }
    }

    @EventSourcingHandler
    void on(EscrowReleased event) {
        status = EscrowStatus.RELEASING;
    }

    @EventSourcingHandler
    void on(EscrowRefundStarted event) {
        status = EscrowStatus.REFUNDING;
    }

    @EventSourcingHandler
    void on(PayoutFailed event) {
        status = refund.started() ? EscrowStatus.REFUNDING : EscrowStatus.RELEASING; // a reversal reopens a settled escrow
    }

    @EventSourcingHandler
    void on(EscrowSettled event) {
        status = event.status();
    }

    /** Whether the escrow waits for Paystack to resolve a chargeback on the money it holds (for its specifications). */
    boolean chargebackOpen() {
        return holding.chargebackOpen();
    }
}
