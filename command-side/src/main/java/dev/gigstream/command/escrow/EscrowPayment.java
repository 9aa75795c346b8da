package dev.gigstream.command.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.escrow.CancelEscrow;
import dev.gigstream.messages.escrow.ConfirmEscrowFunded;
import dev.gigstream.messages.escrow.ConfirmPayout;
import dev.gigstream.messages.escrow.ConfirmRefund;
import dev.gigstream.messages.escrow.EscrowFundingRequested;
import dev.gigstream.messages.escrow.EscrowSettled;
import dev.gigstream.messages.escrow.EscrowStatus;
import dev.gigstream.messages.escrow.FlagCauses;
import dev.gigstream.messages.escrow.FlagEscrowForAdmin;
import dev.gigstream.messages.escrow.FlagPayoutForAdmin;
import dev.gigstream.messages.escrow.FreezeEscrow;
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
 * {@link Ledger}'s entries. This root takes each command to the part that decides it, giving it the
 * {@link EscrowTerms} and what it needs of the others, and settles the escrow once nothing is owed.
 * <p>
 * Not snapshotted (its history is short). Its {@code @Revision} names the shape of its fields and its
 * parts', so a snapshot of another shape is passed over, not misread: raise it when they change.
 */
@Aggregate
@Revision("2")
public class EscrowPayment {

    @AggregateIdentifier
    private EscrowId escrowId;
    private EscrowTerms terms;
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
        funding.openCheckout(command, terms, holding.status());
    }

    @CommandHandler
    void handle(ConfirmEscrowFunded command) {
        funding.confirm(command, terms, holding.status());
    }

    @CommandHandler
    void handle(CancelEscrow command) {
        holding.cancel(command, terms);
    }

    @CommandHandler
    void handle(FreezeEscrow command) {
        holding.freeze(command, terms);
    }

    @CommandHandler
    void handle(UnfreezeEscrow command) {
        holding.unfreeze(command, terms);
    }

    @CommandHandler
    void handle(ReleaseEscrow command) {
        holding.release(terms, payouts.nextReference(escrowId));
    }

    @CommandHandler
    void handle(ConfirmPayout command) {
        if (payouts.confirm(command, terms)) {
            settleWhenNothingIsOwed();
        }
    }

    @CommandHandler
    void handle(ReportPayoutFailure command) {
        payouts.reportFailure(command, terms);
    }

    @CommandHandler
    void handle(FlagPayoutForAdmin command) {
        payouts.flagForAdmin(command, terms, flags.stuckPayout());
    }

    @CommandHandler
    void handle(RetryPayout command) {
        payouts.retry(command, terms, flags.stuckPayout(), holding.status());
    }

    @CommandHandler
    void handle(RefundEscrow command) {
        if (refund.started()) {
            return;
        }
        refund.start(command, terms, holding.refundable(escrowId), payouts.nextReference(escrowId));
    }

    @CommandHandler
    void handle(ConfirmRefund command) {
        if (refund.confirm(command, terms)) {
            flags.clear(FlagCauses.REFUND, terms);
            settleWhenNothingIsOwed();
        }
    }

    @CommandHandler
    void handle(RecordChargeback command) {
        holding.recordChargeback(command, terms);
    }

    @CommandHandler
    void handle(RecordChargebackResolution command) {
        holding.resolveChargeback(command, terms, flags);
    }

    /** A flag whose cause is already dealt with (the refund processed, the chargeback resolved) is not raised. */
    @CommandHandler
    void handle(FlagEscrowForAdmin command) {
        boolean resolved = FlagCauses.REFUND.equals(command.cause()) ? refund.processed()
                : FlagCauses.chargebackOf(command.cause()).filter(holding::chargebackResolved).isPresent();
        flags.flag(command, terms, resolved);
    }

    /** Once nothing is owed any more (no payout pending, no refund unprocessed) the escrow is settled. */
    private void settleWhenNothingIsOwed() {
        if (payouts.owed() || refund.owed()) {
            return;
        }
        EscrowStatus settled = holding.status() == EscrowStatus.RELEASING ? EscrowStatus.RELEASED
                : payouts.startedWithPositiveAmount() ? EscrowStatus.SPLIT : EscrowStatus.REFUNDED;
        apply(new EscrowSettled(escrowId, terms.jobId(), settled));
    }

    @EventSourcingHandler
    void on(EscrowFundingRequested event) {
        escrowId = event.escrowId();
        terms = EscrowTerms.of(event);
    }

    /** Whether the escrow waits for Paystack to resolve a chargeback on the money it holds (for its specifications). */
    boolean chargebackOpen() {
        return holding.chargebackOpen();
    }
}
