package dev.gigstream.sagas.lifecycle;

import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.Refusal;
import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.messages.dispute.DisputeOpened;
import dev.gigstream.messages.dispute.DisputeResolved;
import dev.gigstream.messages.dispute.DisputeWithdrawn;
import dev.gigstream.messages.dispute.OpenDispute;
import dev.gigstream.messages.escrow.CancelEscrow;
import dev.gigstream.messages.escrow.ChargebackReceived;
import dev.gigstream.messages.escrow.ConfirmPayout;
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
import dev.gigstream.messages.escrow.PayoutCompleted;
import dev.gigstream.messages.escrow.PayoutFailed;
import dev.gigstream.messages.escrow.PayoutRetryRequested;
import dev.gigstream.messages.escrow.RecordCheckout;
import dev.gigstream.messages.escrow.RefundEscrow;
import dev.gigstream.messages.escrow.ReleaseEscrow;
import dev.gigstream.messages.escrow.ReportPayoutFailure;
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
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static dev.gigstream.messages.escrow.EscrowReferences.charge;

/**
 * One hire, from the hire to the settlement of its escrow, as docs/architecture.md draws it: hire → escrow
 * funding (payment window) → funded → check-in (automatic check-out after the shift end and a grace
 * period) → check-out → confirmation (or the confirmation window) → release → payout (retried,
 * then an admin) → completed; no-show and cancellation after funding → refund per policy; a dispute
 * freezes the escrow and stops the clocks until it is withdrawn (the clocks resume with the time
 * that was left) or resolved (release, refund or split through the same payout and refund paths); a
 * chargeback on the money keeps it frozen, the clocks stopped and any release waiting until the
 * escrow itself unfreezes it (Paystack resolved the chargeback in the platform's favour).
 * Each wait has a named deadline, cancelled when the wait ends. A payment-provider call that fails
 * for a while is retried by a deadline of this lifecycle alone; the escrow says when all is settled.
 */
@Saga
public class JobLifecycleSaga {

    private static final Logger log = LoggerFactory.getLogger(JobLifecycleSaga.class);

    static final String JOB_ID = "jobId";
    static final String ESCROW_ID = "escrowId";
    static final String PAYMENT_WINDOW = "payment-window";
    static final String CONFIRMATION_WINDOW = "confirmation-window";
    static final String AUTOMATIC_CHECK_OUT = "automatic-check-out";
    static final String CHECKOUT_RETRY = "checkout-retry";
    static final String PAYOUT_RETRY = "payout-retry";
    static final String REFUND_RETRY = "refund-retry";

    /** The payloads of the deadlines: a deadline handler's first parameter is its payload. */
    public record PaymentWindowClosed(String escrowId) {
    }

    public record ConfirmationWindowClosed(String jobId) {
    }

    public record CheckOutDue(String jobId) {
    }

    public record CheckoutRetryDue(Money total, int attempt) {
    }

    /** {@code unanswered} counts the tries Paystack did not answer; failed transfers count on the escrow. */
    public record PayoutRetryDue(String payoutReference, Money amount, int unanswered) {
    }

    public record RefundRetryDue(Money amount, int attempt) {
    }

    private String jobId;
    private String escrowId;
    private String workerId;
    private String clientId;
    private boolean funded;
    private String paymentWindow;
    private String checkoutRetry;
    private Instant checkOutDue;
    private String automaticCheckOut;
    private boolean checkedOut;
    private Instant confirmationDue;
    private Duration confirmationLeft;
    private String confirmationWindow;
    private String payoutRetry;
    private String refundRetry;
    /** A chargeback froze the escrow's money: nothing is released and no clock runs until the escrow unfreezes it. */
    private boolean chargebackHold;
    private boolean clocksWaitForTheEscrow;
    private boolean releaseWaitsForTheEscrow;

    @StartSaga
    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(WorkerHired event, CommandGateway commands, DeadlineManager deadlines, LifecycleSettings settings,
                   @Timestamp Instant at) {
        jobId = event.jobId();
        escrowId = event.escrowId();
        workerId = event.workerId();
        clientId = event.clientId();
        SagaLifecycle.associateWith(ESCROW_ID, escrowId);
        Instant windowEnds = at.plus(settings.paymentWindow());
        paymentWindow = deadlines.schedule(event.shiftStart() != null && event.shiftStart().isBefore(windowEnds)
                ? event.shiftStart() : windowEnds, PAYMENT_WINDOW, new PaymentWindowClosed(escrowId));
        commands.sendAndWait(new RequestEscrowFunding(escrowId, jobId, event.clientId(), workerId, event.pay()));
    }

    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(EscrowFundingRequested event, Payments payments, CommandGateway commands, DeadlineManager deadlines,
                   LifecycleSettings settings) {
        openCheckout(event.total(), 1, payments, commands, deadlines, settings);
    }

    @DeadlineHandler(deadlineName = CHECKOUT_RETRY)
    public void on(CheckoutRetryDue deadline, Payments payments, CommandGateway commands, DeadlineManager deadlines,
                   LifecycleSettings settings) {
        checkoutRetry = null;
        if (!funded) {
            openCheckout(deadline.total(), deadline.attempt(), payments, commands, deadlines, settings);
        }
    }

    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(EscrowFunded event, CommandGateway commands, DeadlineManager deadlines) {
        funded = true;
        cancel(deadlines, PAYMENT_WINDOW, paymentWindow);
        cancel(deadlines, CHECKOUT_RETRY, checkoutRetry);
        commands.sendAndWait(new MarkJobFunded(jobId, escrowId));
    }

    /** The client did not pay in time: the escrow is cancelled and the job reopens, unless the money just came. */
    @DeadlineHandler(deadlineName = PAYMENT_WINDOW)
    public void on(PaymentWindowClosed deadline, CommandGateway commands, DeadlineManager deadlines) {
        if (funded || !accepted(commands, new CancelEscrow(escrowId, "the payment window closed"))) {
            return; // funded a moment ago: EscrowFunded carries on
        }
        cancel(deadlines, CHECKOUT_RETRY, checkoutRetry);
        commands.sendAndWait(new LapseHire(jobId, "the client did not pay within the payment window"));
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
        commands.sendAndWait(new CheckOutAutomatically(jobId, checkOutDue));
    }

    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(WorkerCheckedOut event, DeadlineManager deadlines, LifecycleSettings settings) {
        checkedOut = true;
        cancel(deadlines, AUTOMATIC_CHECK_OUT, automaticCheckOut);
        startConfirmationClock(event.at(), settings.confirmationWindow(), deadlines);
    }

    /** Refused only when a dispute came first: its withdrawal then confirms at once (no time was left). */
    @DeadlineHandler(deadlineName = CONFIRMATION_WINDOW)
    public void on(ConfirmationWindowClosed deadline, CommandGateway commands) {
        confirmationWindow = null;
        if (!accepted(commands, new ConfirmShift(jobId, null, true))) {
            confirmationLeft = Duration.ZERO;
        }
    }

    /** The release waits while a chargeback holds the money; the escrow says when it no longer does. */
    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(ShiftConfirmed event, CommandGateway commands, DeadlineManager deadlines) {
        cancel(deadlines, CONFIRMATION_WINDOW, confirmationWindow);
        if (chargebackHold) {
            releaseWaitsForTheEscrow = true;
            return;
        }
        commands.sendAndWait(new ReleaseEscrow(escrowId));
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
        commands.sendAndWait(new FreezeEscrow(escrowId, "dispute " + event.disputeId() + ": " + event.reason()));
    }

    /** The clocks resume with the withdrawal, or, while a chargeback keeps the money frozen, once the escrow unfreezes. */
    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(DisputeWithdrawn event, CommandGateway commands, DeadlineManager deadlines) {
        commands.sendAndWait(new WithdrawJobDispute(jobId, event.disputeId()));
        commands.sendAndWait(new UnfreezeEscrow(escrowId, "dispute " + event.disputeId() + " withdrawn"));
        if (chargebackHold) {
            clocksWaitForTheEscrow = true;
            return;
        }
        resumeClocks(event.at(), deadlines);
    }

    /** A chargeback was resolved in the platform's favour and nothing else freezes the money: what waited goes on. */
    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(EscrowUnfrozen event, CommandGateway commands, DeadlineManager deadlines, @Timestamp Instant at) {
        chargebackHold = false;
        if (clocksWaitForTheEscrow) {
            clocksWaitForTheEscrow = false;
            resumeClocks(at, deadlines);
        }
        if (releaseWaitsForTheEscrow) {
            releaseWaitsForTheEscrow = false;
            commands.sendAndWait(new ReleaseEscrow(escrowId));
        }
    }

    private void resumeClocks(Instant from, DeadlineManager deadlines) {
        if (confirmationLeft != null) {
            startConfirmationClock(from, confirmationLeft, deadlines);
            confirmationLeft = null;
        } else if (checkOutDue != null && !checkedOut) {
            checkOutDue = checkOutDue.isAfter(from) ? checkOutDue : from;
            automaticCheckOut = deadlines.schedule(checkOutDue, AUTOMATIC_CHECK_OUT, new CheckOutDue(jobId));
        }
    }

    /**
     * The admin's decision, carried out by the same release and refund paths as a confirmation or a
     * cancellation. An escrow whose money a lost chargeback took refuses to move it: its flag asks an operator.
     */
    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(DisputeResolved event, CommandGateway commands) {
        commands.sendAndWait(new SettleJobDispute(jobId, event.disputeId(), event.outcome()));
        confirmationLeft = null;
        clocksWaitForTheEscrow = false;
        String reason = "dispute " + event.disputeId() + " resolved: " + event.outcome();
        switch (event.outcome()) {
            case RELEASE_TO_WORKER -> {
                commands.sendAndWait(new UnfreezeEscrow(escrowId, reason));
                accepted(commands, new ReleaseEscrow(escrowId));
            }
            case REFUND_TO_CLIENT, SPLIT -> accepted(commands, new RefundEscrow(escrowId, event.workerShare(), reason));
        }
    }

    /**
     * A chargeback while the escrow holds the money freezes it (the escrow flagged it) and is a dispute
     * opened for the client; when one is open already, the escrow's own flag and freeze are enough.
     */
    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(ChargebackReceived event, CommandGateway commands) {
        if (!event.moneyHeld()) {
            return; // the escrow flagged it for an admin
        }
        chargebackHold = true;
        String disputeId = UUID.nameUUIDFromBytes(("chargeback:" + event.chargebackId()).getBytes(StandardCharsets.UTF_8))
                .toString();
        accepted(commands, new OpenDispute(disputeId, jobId, event.clientId(), "chargeback",
                "The client's bank disputes the payment (Paystack dispute " + event.chargebackId() + "): " + event.reason(),
                event.at()));
    }

    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(EscrowReleased event, Payouts payouts, CommandGateway commands, DeadlineManager deadlines,
                   LifecycleSettings settings) {
        pay(event.payoutReference(), event.workerAmount(), 0, payouts, commands, deadlines, settings);
    }

    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(PayoutFailed event, CommandGateway commands, DeadlineManager deadlines, LifecycleSettings settings) {
        cancel(deadlines, PAYOUT_RETRY, payoutRetry);
        payoutRetry = null;
        if (event.failures() >= settings.maxPayoutAttempts()) {
            commands.sendAndWait(new FlagPayoutForAdmin(escrowId, event.nextPayoutReference(), "the payout failed " + event.failures()
                    + " times (last: " + event.reason() + "); check the worker's payout account, then retry"));
            return;
        }
        payoutRetry = deadlines.schedule(settings.backoffAfter(event.failures()), PAYOUT_RETRY,
                new PayoutRetryDue(event.nextPayoutReference(), event.amount(), 0));
    }

    @DeadlineHandler(deadlineName = PAYOUT_RETRY)
    public void on(PayoutRetryDue deadline, Payouts payouts, CommandGateway commands, DeadlineManager deadlines,
                   LifecycleSettings settings) {
        payoutRetry = null;
        pay(deadline.payoutReference(), deadline.amount(), deadline.unanswered(), payouts, commands, deadlines, settings);
    }

    /** An operator asks again, also after this lifecycle ended (a payout reversed after it went through). */
    @StartSaga
    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(PayoutRetryRequested event, Payouts payouts, CommandGateway commands, DeadlineManager deadlines,
                   LifecycleSettings settings) {
        jobId = event.jobId();
        escrowId = event.escrowId();
        workerId = event.workerId();
        cancel(deadlines, PAYOUT_RETRY, payoutRetry);
        payoutRetry = null;
        pay(event.payoutReference(), event.amount(), 0, payouts, commands, deadlines, settings);
    }

    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(PayoutCompleted event, DeadlineManager deadlines) {
        cancel(deadlines, PAYOUT_RETRY, payoutRetry);
        payoutRetry = null;
    }

    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(WorkerNoShow event, CommandGateway commands) {
        commands.sendAndWait(new RefundEscrow(escrowId, event.workerShare(), "the worker did not show up"));
    }

    @SagaEventHandler(associationProperty = JOB_ID)
    public void on(JobCancelled event, CommandGateway commands, DeadlineManager deadlines) {
        if (event.escrowId() != null) {
            commands.sendAndWait(new RefundEscrow(escrowId, event.workerShare(), "cancelled by the client: " + event.reason()));
        } else {
            cancel(deadlines, PAYMENT_WINDOW, paymentWindow);
            cancel(deadlines, CHECKOUT_RETRY, checkoutRetry);
            commands.sendAndWait(new CancelEscrow(escrowId, "the job was cancelled before payment"));
            SagaLifecycle.end();
        }
    }

    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(EscrowRefundStarted event, Payments payments, Payouts payouts, CommandGateway commands,
                   DeadlineManager deadlines, LifecycleSettings settings) {
        if (event.refund().isPositive()) {
            refund(event.refund(), 1, payments, commands, deadlines, settings);
        }
        if (event.payoutReference() != null) {
            pay(event.payoutReference(), event.workerShare(), 0, payouts, commands, deadlines, settings);
        }
    }

    @DeadlineHandler(deadlineName = REFUND_RETRY)
    public void on(RefundRetryDue deadline, Payments payments, CommandGateway commands, DeadlineManager deadlines,
                   LifecycleSettings settings) {
        refundRetry = null;
        refund(deadline.amount(), deadline.attempt(), payments, commands, deadlines, settings);
    }

    /** Every payout went through and every refund was processed. */
    @SagaEventHandler(associationProperty = ESCROW_ID)
    public void on(EscrowSettled event, CommandGateway commands, DeadlineManager deadlines) {
        cancel(deadlines, PAYOUT_RETRY, payoutRetry);
        cancel(deadlines, REFUND_RETRY, refundRetry);
        if (event.status() == EscrowStatus.RELEASED) {
            commands.sendAndWait(new CompleteJob(jobId));
        }
        SagaLifecycle.end();
    }

    private void startConfirmationClock(Instant from, Duration length, DeadlineManager deadlines) {
        confirmationDue = from.plus(length);
        confirmationWindow = deadlines.schedule(confirmationDue, CONFIRMATION_WINDOW, new ConfirmationWindowClosed(jobId));
    }

    private void openCheckout(Money total, int attempt, Payments payments, CommandGateway commands,
                              DeadlineManager deadlines, LifecycleSettings settings) {
        try {
            commands.sendAndWait(new RecordCheckout(escrowId, payments.openCheckout(escrowId, clientId, charge(escrowId), total)));
        } catch (PaymentProviderUnavailable e) {
            log.warn("Checkout for escrow {} not opened (attempt {}): {}", escrowId, attempt, e.getMessage());
            checkoutRetry = deadlines.schedule(settings.backoffAfter(attempt), CHECKOUT_RETRY,
                    new CheckoutRetryDue(total, attempt + 1));
        } catch (PaymentRefused e) {
            log.warn("Paystack refused the checkout of escrow {}: {}", escrowId, e.getMessage());
        }
    }

    private void pay(String reference, Money amount, int unanswered, Payouts payouts, CommandGateway commands,
                     DeadlineManager deadlines, LifecycleSettings settings) {
        Payouts.Outcome outcome;
        try {
            outcome = payouts.pay(workerId, reference, amount, "Gigstream payout for job " + jobId);
        } catch (PaymentProviderUnavailable e) {
            if (unanswered + 1 >= settings.maxPayoutAttempts()) {
                commands.sendAndWait(new FlagPayoutForAdmin(escrowId, reference, "Paystack did not answer the payout " + reference
                        + " " + (unanswered + 1) + " times; retry once it is reachable"));
                return;
            }
            payoutRetry = deadlines.schedule(settings.backoffAfter(unanswered + 1), PAYOUT_RETRY,
                    new PayoutRetryDue(reference, amount, unanswered + 1));
            return;
        }
        switch (outcome) {
            case SUCCEEDED -> commands.sendAndWait(new ConfirmPayout(escrowId, reference));
            case FAILED -> commands.sendAndWait(new ReportPayoutFailure(escrowId, reference, "Paystack refused the transfer"));
            case NEEDS_OTP -> commands.sendAndWait(new FlagPayoutForAdmin(escrowId, reference,
                    "Paystack asks for an OTP on transfers: disable OTP for transfers in the Paystack dashboard, then retry"));
            case PENDING -> { } // transfer.success or transfer.failed (or the reconciliation sweep) tells
        }
    }

    /** A refund is owed to the client: it is retried until Paystack answers, and an admin is told when it takes long. */
    private void refund(Money amount, int attempt, Payments payments, CommandGateway commands, DeadlineManager deadlines,
                        LifecycleSettings settings) {
        try {
            payments.refund(charge(escrowId), amount);
        } catch (PaymentProviderUnavailable e) {
            if (attempt == settings.maxPayoutAttempts()) {
                commands.sendAndWait(new FlagEscrowForAdmin(escrowId, "Paystack did not answer the refund of "
                        + amount.amount() + " " + amount.currency() + " " + attempt + " times; still trying", FlagCauses.REFUND));
            }
            refundRetry = deadlines.schedule(settings.backoffAfter(attempt), REFUND_RETRY, new RefundRetryDue(amount, attempt + 1));
        } catch (PaymentRefused e) {
            commands.sendAndWait(new FlagEscrowForAdmin(escrowId, "Paystack refused the refund of " + amount.amount() + " "
                    + amount.currency() + ": " + e.getMessage(), FlagCauses.REFUND));
        }
    }

    /**
     * Sends a command the target may refuse in a race (a payment arriving as its window closes); false
     * if refused. Any other failure propagates, so the step is retried.
     */
    private static boolean accepted(CommandGateway commands, Object command) {
        try {
            commands.sendAndWait(command);
            return true;
        } catch (RefusedException refused) {
            log.info("{} refused: {}", command.getClass().getSimpleName(), refused.getMessage());
            return false;
        } catch (CommandExecutionException e) {
            if (e.getDetails().filter(Refusal.class::isInstance).isEmpty()) {
                throw e;
            }
            log.info("{} refused: {}", command.getClass().getSimpleName(), e.getMessage());
            return false;
        }
    }

    /** By id: cancelling by scope would make db-scheduler read every scheduled deadline. */
    private static void cancel(DeadlineManager deadlines, String name, String scheduleId) {
        if (scheduleId != null) {
            deadlines.cancelSchedule(name, scheduleId);
        }
    }
}
