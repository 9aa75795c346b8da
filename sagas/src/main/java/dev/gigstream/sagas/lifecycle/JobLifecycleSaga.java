package dev.gigstream.sagas.lifecycle;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.dispute.DisputeOpened;
import dev.gigstream.messages.dispute.DisputeResolved;
import dev.gigstream.messages.dispute.DisputeWithdrawn;
import dev.gigstream.messages.escrow.CancelEscrow;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowSettled;
import dev.gigstream.messages.escrow.EscrowStatus;
import dev.gigstream.messages.escrow.EscrowUnfrozen;
import dev.gigstream.messages.escrow.FlagCauses;
import dev.gigstream.messages.escrow.FlagEscrowForAdmin;
import dev.gigstream.messages.escrow.FlagPayoutForAdmin;
import dev.gigstream.messages.escrow.FreezeEscrow;
import dev.gigstream.messages.escrow.RefundEscrow;
import dev.gigstream.messages.escrow.ReleaseEscrow;
import dev.gigstream.messages.escrow.RequestEscrowFunding;
import dev.gigstream.messages.escrow.UnfreezeEscrow;
import dev.gigstream.messages.job.CheckOutAutomatically;
import dev.gigstream.messages.job.CompleteJob;
import dev.gigstream.messages.job.ConfirmShift;
import dev.gigstream.messages.job.JobCancelled;
import dev.gigstream.messages.job.LapseHire;
import dev.gigstream.messages.job.MarkJobFunded;
import dev.gigstream.messages.job.SettleJobDispute;
import dev.gigstream.messages.job.ShiftConfirmed;
import dev.gigstream.messages.job.WithdrawJobDispute;
import dev.gigstream.messages.job.WorkerCheckedIn;
import dev.gigstream.messages.job.WorkerCheckedOut;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.messages.job.WorkerNoShow;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import java.time.Duration;
import java.time.Instant;

import static dev.gigstream.sagas.SagaSteps.accepted;
import static dev.gigstream.sagas.SagaSteps.cancel;

/**
 * One hire, from the hire to the settlement of its escrow, as docs/architecture.md draws it: hire → escrow
 * funding (payment window) → funded → check-in (automatic check-out after the shift end and a grace
 * period) → check-out → confirmation (or the confirmation window) → release → completed once the escrow
 * settles; no-show and cancellation after funding → refund per policy; a dispute freezes the escrow and
 * stops the clocks until it is withdrawn (the clocks resume with the time that was left once the escrow
 * says its money is free again) or resolved (release, refund or split). Each wait has a named deadline,
 * cancelled when the wait ends. The money itself moves with Paystack in the escrow's own
 * {@code EscrowPaymentSaga}; what the escrow allows, the escrow decides: a release it refuses while a
 * chargeback holds the money is sent again when it unfreezes.
 */
@Saga
public class JobLifecycleSaga {

    static final String JOB_ID = "jobId";
    static final String ESCROW_ID = "escrowId";
    static final String PAYMENT_WINDOW = "payment-window";
    static final String CONFIRMATION_WINDOW = "confirmation-window";
    static final String AUTOMATIC_CHECK_OUT = "automatic-check-out";

    /** The payloads of the deadlines: a deadline handler's first parameter is its payload. */
    public record PaymentWindowClosed(String escrowId) {
    }

    public record ConfirmationWindowClosed(String jobId) {
    }

    public record CheckOutDue(String jobId) {
    }

    private String jobId;
    private String escrowId;
    private String paymentWindow;
    /** When the worker is checked out automatically, until they check out (then null). */
    private Instant checkOutDue;
    private String automaticCheckOut;
    private Instant confirmationDue;
    /** The confirmation time a dispute left, while the clock is stopped. */
    private Duration confirmationLeft;
    private String confirmationWindow;
    /** The escrow refused the release (a chargeback holds the money): it is sent again when the escrow unfreezes. */
    private boolean releaseWaitsForTheEscrow;

    @StartSaga
    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(WorkerHired event, CommandGateway commands, DeadlineManager deadlines, LifecycleSettings settings,
                   @Timestamp Instant at) {
        jobId = event.jobId().value();
        escrowId = event.escrowId().value();
        SagaLifecycle.associateWith(ESCROW_ID, escrowId);
        Instant windowEnds = at.plus(settings.paymentWindow());
        paymentWindow = deadlines.schedule(event.shiftStart() != null && event.shiftStart().isBefore(windowEnds)
                ? event.shiftStart() : windowEnds, PAYMENT_WINDOW, new PaymentWindowClosed(escrowId));
        commands.sendAndWait(new RequestEscrowFunding(EscrowId.of(escrowId), JobId.of(jobId), event.clientId(), event.workerId(), event.pay()));
    }

    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(EscrowFunded event, CommandGateway commands, DeadlineManager deadlines) {
        cancel(deadlines, PAYMENT_WINDOW, paymentWindow);
        commands.sendAndWait(new MarkJobFunded(JobId.of(jobId), EscrowId.of(escrowId)));
    }

    /** The client did not pay in time: the escrow is cancelled and the job reopens, unless the money just came. */
    @DeadlineHandler(deadlineName = PAYMENT_WINDOW)
    public void on(PaymentWindowClosed deadline, CommandGateway commands) {
        if (!accepted(commands, new CancelEscrow(EscrowId.of(escrowId), "the payment window closed"))) {
            return; // funded a moment ago: EscrowFunded carries on
        }
        commands.sendAndWait(new LapseHire(JobId.of(jobId), "the client did not pay within the payment window"));
        SagaLifecycle.end();
    }

    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(WorkerCheckedIn event, DeadlineManager deadlines, LifecycleSettings settings) {
        if (event.shift() != null) {
            checkOutDue = event.shift().end().plus(settings.checkOutGrace());
            automaticCheckOut = deadlines.schedule(checkOutDue, AUTOMATIC_CHECK_OUT, new CheckOutDue(jobId));
        }
    }

    @DeadlineHandler(deadlineName = AUTOMATIC_CHECK_OUT)
    public void on(CheckOutDue deadline, CommandGateway commands) {
        automaticCheckOut = null;
        commands.sendAndWait(new CheckOutAutomatically(JobId.of(jobId), checkOutDue));
    }

    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(WorkerCheckedOut event, DeadlineManager deadlines, LifecycleSettings settings) {
        cancel(deadlines, AUTOMATIC_CHECK_OUT, automaticCheckOut);
        automaticCheckOut = null;
        checkOutDue = null;
        startConfirmationClock(event.at(), settings.confirmationWindow(), deadlines);
    }

    /** Refused only when a dispute came first: its withdrawal then confirms at once (no time was left). */
    @DeadlineHandler(deadlineName = CONFIRMATION_WINDOW)
    public void on(ConfirmationWindowClosed deadline, CommandGateway commands) {
        confirmationWindow = null;
        if (!accepted(commands, new ConfirmShift(JobId.of(jobId), null, true))) {
            confirmationLeft = Duration.ZERO;
        }
    }

    /** The escrow refuses the release while a chargeback holds the money; it says when it no longer does. */
    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(ShiftConfirmed event, CommandGateway commands, DeadlineManager deadlines) {
        cancel(deadlines, CONFIRMATION_WINDOW, confirmationWindow);
        confirmationWindow = null;
        releaseWaitsForTheEscrow = !accepted(commands, new ReleaseEscrow(EscrowId.of(escrowId)));
    }

    /** A dispute freezes the escrow and stops the clocks; the confirmation clock keeps the time that was left. */
    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(DisputeOpened event, CommandGateway commands, DeadlineManager deadlines) {
        if (confirmationWindow != null) {
            cancel(deadlines, CONFIRMATION_WINDOW, confirmationWindow);
            confirmationWindow = null;
            confirmationLeft = Duration.between(event.openedAt(), confirmationDue);
            if (confirmationLeft.isNegative()) {
                confirmationLeft = Duration.ZERO;
            }
        }
        cancel(deadlines, AUTOMATIC_CHECK_OUT, automaticCheckOut);
        automaticCheckOut = null;
        // names the dispute, never copies the opener's words: the escrow's events have no component naming the
        // opener, so their text would stay readable after the opener's erasure (docs/personal-data.md)
        commands.sendAndWait(new FreezeEscrow(EscrowId.of(escrowId), "dispute " + event.disputeId() + " opened"));
    }

    /** The clocks resume once the escrow unfreezes: at once, or when Paystack lifts a chargeback's hold on the money. */
    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(DisputeWithdrawn event, CommandGateway commands) {
        commands.sendAndWait(new WithdrawJobDispute(JobId.of(jobId), event.disputeId()));
        commands.sendAndWait(new UnfreezeEscrow(EscrowId.of(escrowId), "dispute " + event.disputeId() + " withdrawn"));
    }

    /** The money is free again (a dispute withdrawn, a chargeback won): the stopped clocks and a refused release go on. */
    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(EscrowUnfrozen event, CommandGateway commands, DeadlineManager deadlines, @Timestamp Instant at) {
        resumeClocks(at, deadlines);
        if (releaseWaitsForTheEscrow) {
            releaseWaitsForTheEscrow = !accepted(commands, new ReleaseEscrow(EscrowId.of(escrowId)));
        }
    }

    /** Only a stopped clock resumes: one a dispute stopped, or an automatic check-out that came while disputed. */
    private void resumeClocks(Instant from, DeadlineManager deadlines) {
        if (confirmationLeft != null) {
            startConfirmationClock(from, confirmationLeft, deadlines);
            confirmationLeft = null;
        } else if (checkOutDue != null && automaticCheckOut == null) {
            checkOutDue = checkOutDue.isAfter(from) ? checkOutDue : from;
            automaticCheckOut = deadlines.schedule(checkOutDue, AUTOMATIC_CHECK_OUT, new CheckOutDue(jobId));
        }
    }

    /**
     * The admin's decision, carried out by the same release and refund paths as a confirmation or a
     * cancellation; no clock resumes after it. An escrow whose money a lost chargeback took refuses to
     * move it: its flag asks an operator.
     */
    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(DisputeResolved event, CommandGateway commands) {
        commands.sendAndWait(new SettleJobDispute(JobId.of(jobId), event.disputeId(), event.outcome()));
        confirmationLeft = null;
        checkOutDue = null;
        String reason = "dispute " + event.disputeId() + " resolved: " + event.outcome();
        switch (event.outcome()) {
            case RELEASE_TO_WORKER -> {
                commands.sendAndWait(new UnfreezeEscrow(EscrowId.of(escrowId), reason));
                accepted(commands, new ReleaseEscrow(EscrowId.of(escrowId)));
            }
            case REFUND_TO_CLIENT, SPLIT -> accepted(commands, new RefundEscrow(EscrowId.of(escrowId), event.workerShare(), reason));
        }
    }

    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(WorkerNoShow event, CommandGateway commands) {
        commands.sendAndWait(new RefundEscrow(EscrowId.of(escrowId), event.workerShare(), "the worker did not show up"));
    }

    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(JobCancelled event, CommandGateway commands, DeadlineManager deadlines) {
        if (event.escrowId() != null) {
            // names the cancellation (the job's JobCancelled), not the client's words, for the same reason as a freeze
            commands.sendAndWait(new RefundEscrow(EscrowId.of(escrowId), event.workerShare(), "job " + jobId + " cancelled by the client"));
        } else {
            cancel(deadlines, PAYMENT_WINDOW, paymentWindow);
            commands.sendAndWait(new CancelEscrow(EscrowId.of(escrowId), "the job was cancelled before payment"));
            SagaLifecycle.end();
        }
    }

    /** Every payout went through and every refund was processed: a released escrow completes the job. */
    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(EscrowSettled event, CommandGateway commands) {
        if (event.status() == EscrowStatus.RELEASED) {
            commands.sendAndWait(new CompleteJob(JobId.of(jobId)));
        }
        SagaLifecycle.end();
    }

    private void startConfirmationClock(Instant from, Duration length, DeadlineManager deadlines) {
        confirmationDue = from.plus(length);
        confirmationWindow = deadlines.schedule(confirmationDue, CONFIRMATION_WINDOW, new ConfirmationWindowClosed(jobId));
    }

    // ---------------------------------------------------------------- retries scheduled before the money saga

    /*
     * Until the payment calls moved to EscrowPaymentSaga, this saga retried them by deadlines of its own.
     * Such a deadline still pending when that version stopped fires here: its payload types keep their
     * names so that it can be read, and what it would have retried is handed to an operator, whose
     * retry the payment saga carries out (see docs/operations.md, upgrading to two sagas).
     */

    static final String CHECKOUT_RETRY = "checkout-retry";
    static final String PAYOUT_RETRY = "payout-retry";
    static final String REFUND_RETRY = "refund-retry";

    public record CheckoutRetryDue(Money total, int attempt) {
    }

    public record PayoutRetryDue(String payoutReference, Money amount, int unanswered) {
    }

    public record RefundRetryDue(Money amount, int attempt) {
    }

    /** Nothing to hand over: without a checkout page the client cannot pay, and the payment window lapses the hire. */
    @DeadlineHandler(deadlineName = CHECKOUT_RETRY)
    public void on(CheckoutRetryDue deadline) {
    }

    /** The escrow flags the payout only while that reference is still pending; the operator's retry pays it. */
    @DeadlineHandler(deadlineName = PAYOUT_RETRY)
    public void on(PayoutRetryDue deadline, CommandGateway commands) {
        commands.sendAndWait(new FlagPayoutForAdmin(EscrowId.of(escrowId), deadline.payoutReference(), "the payout "
                + deadline.payoutReference() + " was waiting for a retry when the payment saga took over; retry it"));
    }

    /** The escrow flags the refund only while it is still owed. */
    @DeadlineHandler(deadlineName = REFUND_RETRY)
    public void on(RefundRetryDue deadline, CommandGateway commands) {
        commands.sendAndWait(new FlagEscrowForAdmin(EscrowId.of(escrowId), "the refund of " + deadline.amount().amount() + " "
                + deadline.amount().currency() + " was waiting for a retry when the payment saga took over;"
                + " refund it at Paystack", FlagCauses.REFUND));
    }
}
