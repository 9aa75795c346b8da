package dev.gigstream.sagas.lifecycle;

import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.escrow.CancelEscrow;
import dev.gigstream.messages.escrow.ConfirmPayout;
import dev.gigstream.messages.escrow.EscrowFrozen;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowFundingRequested;
import dev.gigstream.messages.escrow.EscrowRefundStarted;
import dev.gigstream.messages.escrow.EscrowRefunded;
import dev.gigstream.messages.escrow.EscrowReleased;
import dev.gigstream.messages.escrow.FlagEscrowForAdmin;
import dev.gigstream.messages.escrow.PayoutCompleted;
import dev.gigstream.messages.escrow.PayoutFailed;
import dev.gigstream.messages.escrow.RecordCheckout;
import dev.gigstream.messages.escrow.RefundEscrow;
import dev.gigstream.messages.escrow.ReleaseEscrow;
import dev.gigstream.messages.escrow.ReportPayoutFailure;
import dev.gigstream.messages.escrow.RequestEscrowFunding;
import dev.gigstream.messages.job.CompleteJob;
import dev.gigstream.messages.job.ConfirmShift;
import dev.gigstream.messages.job.JobCancelled;
import dev.gigstream.messages.job.LapseHire;
import dev.gigstream.messages.job.MarkJobFunded;
import dev.gigstream.messages.job.ShiftConfirmed;
import dev.gigstream.messages.job.WorkerCheckedOut;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.messages.job.WorkerNoShow;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import java.time.Instant;

import static dev.gigstream.messages.escrow.EscrowReferences.charge;

/**
 * One hire, from the hire to the worker's payout or the client's refund, as drawn in DESIGN.md:
 * hire → escrow funding (payment window) → funded → check-in/out → confirmation (or the confirmation
 * window) → release → payout (retried, then an admin) → completed; no-show and cancellation after
 * funding → refund per policy. Each wait has a named deadline that is cancelled when the wait ends.
 * Freezing the escrow (a dispute) stops the confirmation clock; disputes resolve through the escrow.
 */
@Saga
public class JobLifecycleSaga {

    static final String JOB_ID = "jobId";
    static final String ESCROW_ID = "escrowId";
    static final String PAYMENT_WINDOW = "payment-window";
    static final String CONFIRMATION_WINDOW = "confirmation-window";
    static final String PAYOUT_RETRY = "payout-retry";

    /** The payloads of the deadlines: a deadline handler's first parameter is its payload. */
    public record PaymentWindowClosed(String escrowId) {
    }

    public record ConfirmationWindowClosed(String jobId) {
    }

    public record PayoutRetryDue(Money amount) {
    }

    private String jobId;
    private String escrowId;
    private String workerId;
    private boolean funded;
    private boolean refunding;
    private boolean refundOwed;
    private boolean payoutOwed;
    private String pendingPayoutReference;
    private String paymentWindow;
    private String confirmationWindow;
    private String payoutRetry;

    @StartSaga
    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(WorkerHired event, CommandGateway commands, DeadlineManager deadlines, LifecycleSettings settings,
                   @Timestamp Instant at) {
        jobId = event.jobId();
        escrowId = event.escrowId();
        workerId = event.workerId();
        SagaLifecycle.associateWith(ESCROW_ID, escrowId);
        Instant windowEnds = at.plus(settings.paymentWindow());
        paymentWindow = deadlines.schedule(event.shiftStart() != null && event.shiftStart().isBefore(windowEnds)
                ? event.shiftStart() : windowEnds, PAYMENT_WINDOW, new PaymentWindowClosed(escrowId));
        commands.sendAndWait(new RequestEscrowFunding(escrowId, jobId, event.clientId(), workerId, event.pay()));
    }

    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(EscrowFundingRequested event, Payments payments, CommandGateway commands) {
        String checkout = payments.openCheckout(escrowId, event.clientId(), event.reference(), event.total());
        commands.sendAndWait(new RecordCheckout(escrowId, checkout));
    }

    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(EscrowFunded event, CommandGateway commands, DeadlineManager deadlines) {
        funded = true;
        cancel(deadlines, PAYMENT_WINDOW, paymentWindow);
        commands.sendAndWait(new MarkJobFunded(jobId, escrowId));
    }

    /** The client did not pay in time: the escrow is cancelled and the job reopens, unless the money just came. */
    @DeadlineHandler(deadlineName = PAYMENT_WINDOW)
    public void on(PaymentWindowClosed deadline, CommandGateway commands) {
        if (funded) {
            return;
        }
        try {
            commands.sendAndWait(new CancelEscrow(escrowId, "the payment window closed"));
        } catch (RuntimeException paidMeanwhile) {
            return; // funded a moment ago: EscrowFunded carries on
        }
        commands.sendAndWait(new LapseHire(jobId, "the client did not pay within the payment window"));
        SagaLifecycle.end();
    }

    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(WorkerCheckedOut event, DeadlineManager deadlines, LifecycleSettings settings, @Timestamp Instant at) {
        confirmationWindow = deadlines.schedule(at.plus(settings.confirmationWindow()), CONFIRMATION_WINDOW,
                new ConfirmationWindowClosed(jobId));
    }

    @DeadlineHandler(deadlineName = CONFIRMATION_WINDOW)
    public void on(ConfirmationWindowClosed deadline, CommandGateway commands) {
        commands.sendAndWait(new ConfirmShift(jobId, null, true));
    }

    /** A dispute stops the clock: the shift is not confirmed automatically while the escrow is frozen. */
    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(EscrowFrozen event, DeadlineManager deadlines) {
        cancel(deadlines, CONFIRMATION_WINDOW, confirmationWindow);
    }

    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(ShiftConfirmed event, CommandGateway commands, DeadlineManager deadlines) {
        cancel(deadlines, CONFIRMATION_WINDOW, confirmationWindow);
        commands.sendAndWait(new ReleaseEscrow(escrowId));
    }

    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(EscrowReleased event, Payouts payouts, CommandGateway commands) {
        payoutOwed = true;
        pay(event.payoutReference(), event.workerAmount(), payouts, commands);
    }

    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(PayoutFailed event, CommandGateway commands, DeadlineManager deadlines, LifecycleSettings settings,
                   @Timestamp Instant at) {
        payoutOwed = true;
        pendingPayoutReference = event.nextPayoutReference();
        if (event.failures() >= settings.maxPayoutAttempts()) {
            commands.sendAndWait(new FlagEscrowForAdmin(escrowId, "the payout failed " + event.failures()
                    + " times (last: " + event.reason() + "); check the worker's payout account"));
            return;
        }
        payoutRetry = deadlines.schedule(at.plus(settings.backoffAfter(event.failures())), PAYOUT_RETRY,
                new PayoutRetryDue(event.amount()));
    }

    @DeadlineHandler(deadlineName = PAYOUT_RETRY)
    public void on(PayoutRetryDue deadline, Payouts payouts, CommandGateway commands) {
        if (payoutOwed && pendingPayoutReference != null) {
            pay(pendingPayoutReference, deadline.amount(), payouts, commands);
        }
    }

    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(PayoutCompleted event, CommandGateway commands, DeadlineManager deadlines) {
        payoutOwed = false;
        cancel(deadlines, PAYOUT_RETRY, payoutRetry);
        if (!refunding) {
            commands.sendAndWait(new CompleteJob(jobId));
            SagaLifecycle.end();
        } else if (!refundOwed) {
            SagaLifecycle.end();
        }
    }

    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(WorkerNoShow event, CommandGateway commands) {
        commands.sendAndWait(new RefundEscrow(escrowId, event.workerShare(), "the worker did not show up"));
    }

    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(JobCancelled event, CommandGateway commands) {
        if (event.escrowId() != null) {
            commands.sendAndWait(new RefundEscrow(escrowId, event.workerShare(), "cancelled by the client: " + event.reason()));
        } else {
            commands.sendAndWait(new CancelEscrow(escrowId, "the job was cancelled before payment"));
            SagaLifecycle.end();
        }
    }

    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(EscrowRefundStarted event, Payments payments, Payouts payouts, CommandGateway commands) {
        refunding = true;
        refundOwed = event.refund().isPositive();
        if (refundOwed) {
            payments.refund(charge(escrowId), event.refund());
        }
        if (event.payoutReference() != null) {
            payoutOwed = true;
            pay(event.payoutReference(), event.workerShare(), payouts, commands);
        }
    }

    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(EscrowRefunded event) {
        refundOwed = false;
        if (!payoutOwed) {
            SagaLifecycle.end();
        }
    }

    /** By id: cancelling by scope would make db-scheduler read every scheduled deadline. */
    private static void cancel(DeadlineManager deadlines, String name, String scheduleId) {
        if (scheduleId != null) {
            deadlines.cancelSchedule(name, scheduleId);
        }
    }

    private void pay(String reference, Money amount, Payouts payouts, CommandGateway commands) {
        pendingPayoutReference = reference;
        switch (payouts.pay(workerId, reference, amount, "Gigstream payout for job " + jobId)) {
            case SUCCEEDED -> commands.sendAndWait(new ConfirmPayout(escrowId, reference));
            case FAILED -> commands.sendAndWait(new ReportPayoutFailure(escrowId, reference, "Paystack refused the transfer"));
            case NEEDS_OTP -> commands.sendAndWait(new FlagEscrowForAdmin(escrowId,
                    "Paystack asks for an OTP on transfers: disable OTP for transfers in the Paystack dashboard"));
            case PENDING -> { } // transfer.success or transfer.failed (or the reconciliation sweep) tells
        }
    }
}
