package dev.gigstream.command.escrow;

import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.escrow.CancelEscrow;
import dev.gigstream.messages.escrow.CheckoutOpened;
import dev.gigstream.messages.escrow.ConfirmEscrowFunded;
import dev.gigstream.messages.escrow.ConfirmPayout;
import dev.gigstream.messages.escrow.ConfirmRefund;
import dev.gigstream.messages.escrow.EscrowCancelled;
import dev.gigstream.messages.escrow.EscrowFlaggedForAdmin;
import dev.gigstream.messages.escrow.EscrowFrozen;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowFundingRequested;
import dev.gigstream.messages.escrow.EscrowRefundStarted;
import dev.gigstream.messages.escrow.EscrowRefunded;
import dev.gigstream.messages.escrow.EscrowReleased;
import dev.gigstream.messages.escrow.EscrowStatus;
import dev.gigstream.messages.escrow.EscrowUnfrozen;
import dev.gigstream.messages.escrow.FlagEscrowForAdmin;
import dev.gigstream.messages.escrow.FreezeEscrow;
import dev.gigstream.messages.escrow.PayoutCompleted;
import dev.gigstream.messages.escrow.PayoutFailed;
import dev.gigstream.messages.escrow.RecordCheckout;
import dev.gigstream.messages.escrow.RefundEscrow;
import dev.gigstream.messages.escrow.ReleaseEscrow;
import dev.gigstream.messages.escrow.ReportPayoutFailure;
import dev.gigstream.messages.escrow.RequestEscrowFunding;
import dev.gigstream.messages.escrow.UnfreezeEscrow;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.gigstream.messages.escrow.EscrowReferences.charge;
import static dev.gigstream.messages.escrow.EscrowReferences.payout;
import static dev.gigstream.messages.escrow.LedgerAccount.ESCROW;
import static dev.gigstream.messages.escrow.LedgerAccount.PAYSTACK_BALANCE;
import static dev.gigstream.messages.escrow.LedgerAccount.PLATFORM_REVENUE;
import static dev.gigstream.messages.escrow.LedgerAccount.PROCESSOR_FEES;
import static dev.gigstream.messages.escrow.LedgerAccount.REFUND_PAYABLE;
import static dev.gigstream.messages.escrow.LedgerAccount.WORKER_PAYABLE;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The money of one hire, held between the client's payment and the worker's payout, with a
 * double-entry ledger in its events. It takes exactly the quoted total, once; pays out or refunds
 * at most what it holds; releases nothing while frozen; and treats a repeated command (a webhook
 * delivered twice, a saga step redone) as a no-op.
 */
@Aggregate
public class EscrowPayment {

    @AggregateIdentifier
    private String escrowId;
    private String jobId;
    private String workerId;
    private EscrowStatus status;
    private EscrowStatus statusBeforeFreeze;
    private Money pay;
    private Money serviceFee;
    private Money total;
    private String checkoutUrl;
    private boolean funded;
    private long held;
    private String payoutReference;
    private String completedPayoutReference;
    private long payoutAmount;
    private int payoutAttempts;
    private int payoutFailures;
    private long refundOwed;
    private boolean refunding;
    private final Set<String> flags = new HashSet<>();

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
        if (!charge(escrowId).equals(command.reference()) || !total.equals(command.paid())
                || command.processorFee() < 0 || command.processorFee() > total.amount()) {
            throw EscrowRefused.amountMismatch(escrowId, total, command.paid(), command.reference());
        }
        long fee = command.processorFee();
        boolean cancelledBefore = status == EscrowStatus.CANCELLED;
        apply(new EscrowFunded(escrowId, jobId, total, fee, Ledger.entry()
                .debit(PAYSTACK_BALANCE, total.amount() - fee)
                .debit(PROCESSOR_FEES, fee)
                .credit(ESCROW, total.amount())
                .balanced()));
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

    @CommandHandler
    void handle(FreezeEscrow command) {
        if (status == EscrowStatus.FROZEN) {
            return;
        }
        if (status != EscrowStatus.FUNDED) {
            throw EscrowRefused.wrongState(escrowId, status, "frozen");
        }
        apply(new EscrowFrozen(escrowId, command.reason()));
    }

    @CommandHandler
    void handle(UnfreezeEscrow command) {
        if (status == EscrowStatus.FROZEN) {
            apply(new EscrowUnfrozen(escrowId, command.reason()));
        }
    }

    @CommandHandler
    void handle(ReleaseEscrow command) {
        if (status == EscrowStatus.RELEASING || status == EscrowStatus.RELEASED) {
            return;
        }
        if (status == EscrowStatus.FROZEN) {
            throw EscrowRefused.frozen(escrowId);
        }
        if (status != EscrowStatus.FUNDED) {
            throw EscrowRefused.notFunded(escrowId, status);
        }
        apply(new EscrowReleased(escrowId, jobId, workerId, pay, serviceFee, payout(escrowId, payoutAttempts + 1),
                Ledger.entry()
                        .debit(ESCROW, held)
                        .credit(WORKER_PAYABLE, pay.amount())
                        .credit(PLATFORM_REVENUE, held - pay.amount())
                        .balanced()));
    }

    @CommandHandler
    void handle(ConfirmPayout command) {
        if (command.payoutReference().equals(completedPayoutReference)) {
            return;
        }
        if (!command.payoutReference().equals(payoutReference)) {
            throw EscrowRefused.unknownPayout(escrowId, command.payoutReference());
        }
        apply(new PayoutCompleted(escrowId, jobId, workerId, new Money(payoutAmount, total.currency()), payoutReference,
                Ledger.entry().debit(WORKER_PAYABLE, payoutAmount).credit(PAYSTACK_BALANCE, payoutAmount).balanced()));
    }

    /** A failed transfer gets a new reference for the next attempt; a reversal takes the money back first. */
    @CommandHandler
    void handle(ReportPayoutFailure command) {
        boolean reversal = command.payoutReference().equals(completedPayoutReference);
        if (!reversal && !command.payoutReference().equals(payoutReference)) {
            return; // an attempt already known to have failed, reported again
        }
        apply(new PayoutFailed(escrowId, command.payoutReference(), command.reason(), payoutFailures + 1,
                payout(escrowId, payoutAttempts + 1), new Money(payoutAmount, total.currency()), reversal
                ? Ledger.entry().debit(PAYSTACK_BALANCE, payoutAmount).credit(WORKER_PAYABLE, payoutAmount).balanced()
                : List.of()));
    }

    @CommandHandler
    void handle(FlagEscrowForAdmin command) {
        if (!flags.contains(command.reason())) {
            apply(new EscrowFlaggedForAdmin(escrowId, jobId, command.reason()));
        }
    }

    @CommandHandler
    void handle(RefundEscrow command) {
        if (refunding) {
            return;
        }
        if (status != EscrowStatus.FUNDED && status != EscrowStatus.FROZEN) {
            throw EscrowRefused.notFunded(escrowId, status);
        }
        long share = command.workerShare().amount();
        if (share < 0 || command.workerShare().currency() != total.currency()) {
            throw EscrowRefused.invalidAmount(escrowId, "the worker's share is an amount of " + total.currency() + " >= 0");
        }
        if (share > held) {
            throw EscrowRefused.exceedsFunds(escrowId, share, held);
        }
        long refund = held - share;
        apply(new EscrowRefundStarted(escrowId, jobId, workerId, new Money(refund, total.currency()), command.workerShare(),
                share > 0 ? payout(escrowId, payoutAttempts + 1) : null, command.reason(), Ledger.entry()
                .debit(ESCROW, held)
                .credit(REFUND_PAYABLE, refund)
                .credit(WORKER_PAYABLE, share)
                .balanced()));
    }

    @CommandHandler
    void handle(ConfirmRefund command) {
        if (refunding && refundOwed == 0) {
            return;
        }
        if (!refunding || !command.refunded().equals(new Money(refundOwed, total.currency()))) {
            throw EscrowRefused.amountMismatch(escrowId, new Money(refundOwed, total.currency()), command.refunded(),
                    charge(escrowId));
        }
        apply(new EscrowRefunded(escrowId, jobId, command.refunded(),
                Ledger.entry().debit(REFUND_PAYABLE, refundOwed).credit(PAYSTACK_BALANCE, refundOwed).balanced()));
    }

    @EventSourcingHandler
    void on(EscrowFundingRequested event) {
        escrowId = event.escrowId();
        jobId = event.jobId();
        workerId = event.workerId();
        pay = event.pay();
        serviceFee = event.serviceFee();
        total = event.total();
        status = EscrowStatus.AWAITING_FUNDING;
    }

    @EventSourcingHandler
    void on(CheckoutOpened event) {
        checkoutUrl = event.authorizationUrl();
    }

    @EventSourcingHandler
    void on(EscrowFunded event) {
        funded = true;
        held = event.funded().amount();
        status = EscrowStatus.FUNDED;
    }

    @EventSourcingHandler
    void on(EscrowCancelled event) {
        status = EscrowStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(EscrowFrozen event) {
        statusBeforeFreeze = status;
        status = EscrowStatus.FROZEN;
    }

    @EventSourcingHandler
    void on(EscrowUnfrozen event) {
        status = statusBeforeFreeze;
    }

    @EventSourcingHandler
    void on(EscrowReleased event) {
        held = 0;
        startPayout(event.payoutReference(), event.workerAmount().amount());
        status = EscrowStatus.RELEASING;
    }

    @EventSourcingHandler
    void on(PayoutCompleted event) {
        completedPayoutReference = event.payoutReference();
        payoutReference = null;
        settle();
    }

    @EventSourcingHandler
    void on(PayoutFailed event) {
        payoutFailures = event.failures();
        payoutAttempts++;
        payoutReference = event.nextPayoutReference();
        completedPayoutReference = null;
        status = refunding ? EscrowStatus.REFUNDING : EscrowStatus.RELEASING;
    }

    @EventSourcingHandler
    void on(EscrowFlaggedForAdmin event) {
        flags.add(event.reason());
    }

    @EventSourcingHandler
    void on(EscrowRefundStarted event) {
        held = 0;
        refunding = true;
        refundOwed = event.refund().amount();
        if (event.payoutReference() != null) {
            startPayout(event.payoutReference(), event.workerShare().amount());
        }
        status = EscrowStatus.REFUNDING;
        settle();
    }

    @EventSourcingHandler
    void on(EscrowRefunded event) {
        refundOwed = 0;
        settle();
    }

    private void startPayout(String reference, long amount) {
        payoutReference = reference;
        payoutAmount = amount;
        payoutAttempts++;
    }

    /** Once nothing is owed any more, the escrow reaches its final status. */
    private void settle() {
        boolean payoutOwed = payoutReference != null;
        if (payoutOwed || refundOwed > 0) {
            return;
        }
        if (!refunding) {
            status = EscrowStatus.RELEASED;
        } else {
            status = payoutAmount > 0 ? EscrowStatus.SPLIT : EscrowStatus.REFUNDED;
        }
    }
}
