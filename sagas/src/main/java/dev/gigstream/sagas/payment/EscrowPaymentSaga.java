package dev.gigstream.sagas.payment;

import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.dispute.OpenDispute;
import dev.gigstream.messages.escrow.ChargebackReceived;
import dev.gigstream.messages.escrow.EscrowCancelled;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowFundingRequested;
import dev.gigstream.messages.escrow.EscrowRefundStarted;
import dev.gigstream.messages.escrow.EscrowReleased;
import dev.gigstream.messages.escrow.EscrowSettled;
import dev.gigstream.messages.escrow.FlagPayoutForAdmin;
import dev.gigstream.messages.escrow.PayoutCompleted;
import dev.gigstream.messages.escrow.PayoutFailed;
import dev.gigstream.messages.escrow.PayoutRetryRequested;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static dev.gigstream.sagas.SagaSteps.accepted;
import static dev.gigstream.sagas.SagaSteps.cancel;

/**
 * The money of one escrow as it moves with Paystack: the checkout page the client pays on, the payout
 * to the worker, the refund to the client, each retried by a deadline of this saga when Paystack does
 * not answer (one escrow's trouble never holds back another's), and a chargeback on money the escrow
 * holds, which becomes a dispute opened for the client. The escrow decides every step and says in its
 * events what is owed; this saga only carries it to Paystack ({@link ProviderCalls}) and reports the
 * answer back. It starts at any escrow event that asks for a movement, so an escrow that began before it
 * existed is picked up where it is, and ends when the escrow is settled or cancelled.
 */
@Saga
public class EscrowPaymentSaga {

    static final String ESCROW_ID = "escrowId";
    static final String CHECKOUT_RETRY = "checkout-retry";
    static final String PAYOUT_RETRY = "payout-retry";
    static final String REFUND_RETRY = "refund-retry";

    /** The payloads of the retries: a deadline handler's first parameter is its payload. */
    public record CheckoutRetryDue(Money total, int attempt) {
    }

    /** {@code unanswered} counts the tries Paystack did not answer; failed transfers count on the escrow. */
    public record PayoutRetryDue(String payoutReference, Money amount, int unanswered) {
    }

    public record RefundRetryDue(Money amount, int attempt) {
    }

    private String escrowId;
    private String jobId;
    private String clientId;
    /** Who is paid; null until an event of this escrow named them (an escrow picked up at a failed payout). */
    private String workerId;
    private String checkoutRetry;
    private String payoutRetry;
    private String refundRetry;

    @StartSaga
    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(EscrowFundingRequested event, Payments payments, CommandGateway commands, DeadlineManager deadlines,
                   PaymentRetries retries) {
        escrow(event.escrowId().value(), event.jobId().value());
        clientId = event.clientId();
        workerId = event.workerId().value();
        checkout(event.total(), 1, payments, commands, deadlines, retries);
    }

    @DeadlineHandler(deadlineName = CHECKOUT_RETRY)
    public void on(CheckoutRetryDue deadline, Payments payments, CommandGateway commands, DeadlineManager deadlines,
                   PaymentRetries retries) {
        checkoutRetry = null;
        checkout(deadline.total(), deadline.attempt(), payments, commands, deadlines, retries);
    }

    /** The client paid: no checkout is needed any more. */
    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(EscrowFunded event, DeadlineManager deadlines) {
        cancel(deadlines, CHECKOUT_RETRY, checkoutRetry);
        checkoutRetry = null;
    }

    /** Unpaid and cancelled (the payment window closed, the job was cancelled): no money will move. */
    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(EscrowCancelled event, DeadlineManager deadlines) {
        cancel(deadlines, CHECKOUT_RETRY, checkoutRetry);
        SagaLifecycle.end();
    }

    /**
     * A chargeback while the escrow holds the money froze it (the escrow flagged it) and is a dispute
     * opened for the client; when one is open already, the escrow's own flag and freeze are enough, as
     * they are for a chargeback after the money left.
     */
    @StartSaga
    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(ChargebackReceived event, CommandGateway commands) {
        escrow(event.escrowId().value(), event.jobId().value());
        if (!event.moneyHeld()) {
            if (!knowsTheWorker()) {
                SagaLifecycle.end(); // started by this event alone: nothing of this escrow moves
            }
            return; // the escrow flagged it for an admin
        }
        String disputeId = UUID.nameUUIDFromBytes(("chargeback:" + event.chargebackId()).getBytes(StandardCharsets.UTF_8))
                .toString();
        accepted(commands, new OpenDispute(DisputeId.of(disputeId), JobId.of(jobId), event.clientId(), "chargeback",
                "The client's bank disputes the payment (Paystack dispute " + event.chargebackId() + "): " + event.reason(),
                event.at()));
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(EscrowReleased event, Payouts payouts, CommandGateway commands, DeadlineManager deadlines,
                   PaymentRetries retries) {
        escrow(event.escrowId().value(), event.jobId().value());
        workerId = event.workerId().value();
        pay(event.payoutReference(), event.workerAmount(), 0, payouts, commands, deadlines, retries);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(EscrowRefundStarted event, Payments payments, Payouts payouts, CommandGateway commands,
                   DeadlineManager deadlines, PaymentRetries retries) {
        escrow(event.escrowId().value(), event.jobId().value());
        workerId = event.workerId().value();
        if (event.refund().isPositive()) {
            refund(event.refund(), 1, payments, commands, deadlines, retries);
        }
        if (event.payoutReference() != null) {
            pay(event.payoutReference(), event.workerShare(), 0, payouts, commands, deadlines, retries);
        }
    }

    /**
     * A failed transfer is tried again under the escrow's next reference, until an operator is asked.
     * A saga that never saw this escrow's payout (a reversal after the escrow settled, or a payout begun
     * before this saga existed) does not know whom to pay: the operator's retry says.
     */
    @StartSaga
    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(PayoutFailed event, CommandGateway commands, DeadlineManager deadlines, PaymentRetries retries) {
        escrowId = event.escrowId().value();
        cancel(deadlines, PAYOUT_RETRY, payoutRetry);
        payoutRetry = null;
        if (!knowsTheWorker() || event.failures() >= retries.maxAttempts()) {
            commands.sendAndWait(new FlagPayoutForAdmin(EscrowId.of(escrowId), event.nextPayoutReference(), "the payout failed "
                    + event.failures() + " times (last: " + event.reason() + "); check the worker's payout account, then retry"));
            if (!knowsTheWorker()) {
                SagaLifecycle.end();
            }
            return;
        }
        payoutRetry = deadlines.schedule(retries.backoffAfter(event.failures()), PAYOUT_RETRY,
                new PayoutRetryDue(event.nextPayoutReference(), event.amount(), 0));
    }

    @DeadlineHandler(deadlineName = PAYOUT_RETRY)
    public void on(PayoutRetryDue deadline, Payouts payouts, CommandGateway commands, DeadlineManager deadlines,
                   PaymentRetries retries) {
        payoutRetry = null;
        pay(deadline.payoutReference(), deadline.amount(), deadline.unanswered(), payouts, commands, deadlines, retries);
    }

    /** An operator asks again, also after the escrow settled (a payout reversed after it went through). */
    @StartSaga
    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(PayoutRetryRequested event, Payouts payouts, CommandGateway commands, DeadlineManager deadlines,
                   PaymentRetries retries) {
        escrow(event.escrowId().value(), event.jobId().value());
        workerId = event.workerId().value();
        cancel(deadlines, PAYOUT_RETRY, payoutRetry);
        payoutRetry = null;
        pay(event.payoutReference(), event.amount(), 0, payouts, commands, deadlines, retries);
    }

    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(PayoutCompleted event, DeadlineManager deadlines) {
        cancel(deadlines, PAYOUT_RETRY, payoutRetry);
        payoutRetry = null;
    }

    @DeadlineHandler(deadlineName = REFUND_RETRY)
    public void on(RefundRetryDue deadline, Payments payments, CommandGateway commands, DeadlineManager deadlines,
                   PaymentRetries retries) {
        refundRetry = null;
        refund(deadline.amount(), deadline.attempt(), payments, commands, deadlines, retries);
    }

    /** Every payout went through and every refund was processed. */
    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(EscrowSettled event, DeadlineManager deadlines) {
        cancel(deadlines, PAYOUT_RETRY, payoutRetry);
        cancel(deadlines, REFUND_RETRY, refundRetry);
        SagaLifecycle.end();
    }

    /** False when this saga was started by an event that names nobody to pay (it never saw the escrow's movements). */
    private boolean knowsTheWorker() {
        return workerId != null;
    }

    private void escrow(String escrowId, String jobId) {
        this.escrowId = escrowId;
        this.jobId = jobId;
    }

    private void checkout(Money total, int attempt, Payments payments, CommandGateway commands,
                          DeadlineManager deadlines, PaymentRetries retries) {
        if (!ProviderCalls.checkout(escrowId, clientId, total, attempt, payments, commands)) {
            checkoutRetry = deadlines.schedule(retries.backoffAfter(attempt), CHECKOUT_RETRY,
                    new CheckoutRetryDue(total, attempt + 1));
        }
    }

    private void pay(String reference, Money amount, int unanswered, Payouts payouts, CommandGateway commands,
                     DeadlineManager deadlines, PaymentRetries retries) {
        if (!ProviderCalls.pay(escrowId, jobId, workerId, reference, amount, unanswered + 1, retries, payouts, commands)) {
            payoutRetry = deadlines.schedule(retries.backoffAfter(unanswered + 1), PAYOUT_RETRY,
                    new PayoutRetryDue(reference, amount, unanswered + 1));
        }
    }

    private void refund(Money amount, int attempt, Payments payments, CommandGateway commands, DeadlineManager deadlines,
                        PaymentRetries retries) {
        if (!ProviderCalls.refund(escrowId, amount, attempt, retries, payments, commands)) {
            refundRetry = deadlines.schedule(retries.backoffAfter(attempt), REFUND_RETRY, new RefundRetryDue(amount, attempt + 1));
        }
    }
}
