package dev.gigstream.sagas.lifecycle;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.escrow.CancelEscrow;
import dev.gigstream.messages.escrow.ConfirmPayout;
import dev.gigstream.messages.escrow.EscrowFrozen;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowFundingRequested;
import dev.gigstream.messages.escrow.EscrowReferences;
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
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JobLifecycleSagaTest {

    private static final String JOB = "5c1d9e2a-1b3f-4e7a-8c2d-9f0a1b2c3d4e";
    private static final String ESCROW = "0b7e2c1d-7a57-4c0e-9d6f-2f1f4c3a9b10";
    private static final String CLIENT = "client-1";
    private static final String WORKER = "worker-1";
    private static final Money PAY = Money.of(1_500_000, Currency.NGN);
    private static final Money FEE = Money.of(150_000, Currency.NGN);
    private static final Money TOTAL = Money.of(1_650_000, Currency.NGN);
    private static final Money NOTHING = Money.of(0, Currency.NGN);
    private static final String CHARGE = EscrowReferences.charge(ESCROW);
    private static final String PAYOUT_1 = EscrowReferences.payout(ESCROW, 1);
    private static final String PAYOUT_2 = EscrowReferences.payout(ESCROW, 2);
    /** Event timestamps carry milliseconds, so the scenarios start on a whole millisecond. */
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private SagaTestFixture<JobLifecycleSaga> fixture;
    private final List<String> refunds = new ArrayList<>();
    private final List<String> payouts = new ArrayList<>();
    private Payouts.Outcome payoutOutcome = Payouts.Outcome.PENDING;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(JobLifecycleSaga.class);
        fixture.registerResource(LifecycleSettings.defaults());
        fixture.registerResource(new Payments() {
            public String openCheckout(String escrowId, String clientId, String chargeReference, Money total) {
                return "https://checkout.paystack.com/" + chargeReference;
            }

            public void refund(String chargeReference, Money amount) {
                refunds.add(chargeReference + " " + amount.amount());
            }
        });
        fixture.registerResource((Payouts) (workerId, reference, amount, reason) -> {
            payouts.add(workerId + " " + reference + " " + amount.amount());
            return payoutOutcome;
        });
    }

    private WorkerHired hired(Instant shiftStart) {
        return new WorkerHired(JOB, WORKER, CLIENT, PAY, ESCROW, shiftStart);
    }

    private static Instant inADay() {
        return T0.plus(Duration.ofDays(1));
    }

    private EscrowReleased released() {
        return new EscrowReleased(ESCROW, JOB, WORKER, PAY, FEE, PAYOUT_1, List.of());
    }

    @Test
    void aHireRequestsTheEscrowAndGivesTheClientTwoHoursToPay() {
        fixture.givenCurrentTime(T0)
               .whenAggregate(JOB).publishes(hired(inADay()))
               .expectActiveSagas(1)
               .expectDispatchedCommands(new RequestEscrowFunding(ESCROW, JOB, CLIENT, WORKER, PAY))
               .expectScheduledDeadlineWithName(Duration.ofHours(2), JobLifecycleSaga.PAYMENT_WINDOW);
    }

    @Test
    void thePaymentWindowNeverOutlastsTheShiftStart() {
        fixture.givenCurrentTime(T0)
               .whenAggregate(JOB).publishes(hired(T0.plus(Duration.ofMinutes(45))))
               .expectScheduledDeadlineWithName(Duration.ofMinutes(45), JobLifecycleSaga.PAYMENT_WINDOW);
    }

    @Test
    void theRequestedEscrowGetsAPaystackCheckout() {
        fixture.givenCurrentTime(T0).andThenAggregate(JOB).published(hired(inADay()))
               .whenAggregate(ESCROW).publishes(new EscrowFundingRequested(ESCROW, JOB, CLIENT, WORKER, PAY, FEE, TOTAL, CHARGE))
               .expectDispatchedCommands(new RecordCheckout(ESCROW, "https://checkout.paystack.com/" + CHARGE));
    }

    @Test
    void fundingPutsTheJobOnAndStopsThePaymentClock() {
        fixture.givenCurrentTime(T0).andThenAggregate(JOB).published(hired(inADay()))
               .whenAggregate(ESCROW).publishes(new EscrowFunded(ESCROW, JOB, TOTAL, 34_750, List.of()))
               .expectDispatchedCommands(new MarkJobFunded(JOB, ESCROW))
               .expectNoScheduledDeadlines();
    }

    @Test
    void anUnpaidHireLapsesWhenThePaymentWindowCloses() {
        fixture.givenCurrentTime(T0).andThenAggregate(JOB).published(hired(inADay()))
               .whenTimeElapses(Duration.ofHours(2))
               .expectTriggeredDeadlinesWithName(JobLifecycleSaga.PAYMENT_WINDOW)
               .expectDispatchedCommands(new CancelEscrow(ESCROW, "the payment window closed"),
                       new LapseHire(JOB, "the client did not pay within the payment window"))
               .expectActiveSagas(0);
    }

    @Test
    void checkOutStartsTheConfirmationWindow() {
        fixture.givenCurrentTime(T0).andThenAggregate(JOB).published(hired(inADay()))
               .andThenAggregate(ESCROW).published(new EscrowFunded(ESCROW, JOB, TOTAL, 34_750, List.of()))
               .whenAggregate(JOB).publishes(new WorkerCheckedOut(JOB, WORKER, null, 0, T0))
               .expectScheduledDeadlineWithName(Duration.ofHours(48), JobLifecycleSaga.CONFIRMATION_WINDOW);
    }

    @Test
    void theConfirmationWindowConfirmsTheShiftAutomatically() {
        fixture.givenCurrentTime(T0).andThenAggregate(JOB).published(hired(inADay()))
               .andThenAggregate(ESCROW).published(new EscrowFunded(ESCROW, JOB, TOTAL, 34_750, List.of()))
               .andThenAggregate(JOB).published(new WorkerCheckedOut(JOB, WORKER, null, 0, T0))
               .whenTimeElapses(Duration.ofHours(48))
               .expectTriggeredDeadlinesWithName(JobLifecycleSaga.CONFIRMATION_WINDOW)
               .expectDispatchedCommands(new ConfirmShift(JOB, null, true));
    }

    @Test
    void aConfirmedShiftReleasesTheEscrowAndStopsTheConfirmationClock() {
        fixture.givenCurrentTime(T0).andThenAggregate(JOB).published(hired(inADay()))
               .andThenAggregate(ESCROW).published(new EscrowFunded(ESCROW, JOB, TOTAL, 34_750, List.of()))
               .andThenAggregate(JOB).published(new WorkerCheckedOut(JOB, WORKER, null, 0, T0))
               .whenAggregate(JOB).publishes(new ShiftConfirmed(JOB, ESCROW, WORKER, false))
               .expectDispatchedCommands(new ReleaseEscrow(ESCROW))
               .expectNoScheduledDeadlines();
    }

    @Test
    void aDisputeStopsTheConfirmationClock() {
        fixture.givenCurrentTime(T0).andThenAggregate(JOB).published(hired(inADay()))
               .andThenAggregate(ESCROW).published(new EscrowFunded(ESCROW, JOB, TOTAL, 34_750, List.of()))
               .andThenAggregate(JOB).published(new WorkerCheckedOut(JOB, WORKER, null, 0, T0))
               .whenAggregate(ESCROW).publishes(new EscrowFrozen(ESCROW, "dispute opened"))
               .expectNoScheduledDeadlines();
    }

    @Test
    void theReleasedPayIsTransferredToTheWorkerAndAPendingTransferWaitsForPaystack() {
        fixture.givenCurrentTime(T0).andThenAggregate(JOB).published(hired(inADay()))
               .whenAggregate(ESCROW).publishes(released())
               .expectNoDispatchedCommands();
        assertThat(payouts).containsExactly(WORKER + " " + PAYOUT_1 + " " + PAY.amount());
    }

    @Test
    void anImmediateTransferAnswerIsRecordedAtOnce() {
        payoutOutcome = Payouts.Outcome.SUCCEEDED;
        fixture.givenCurrentTime(T0).andThenAggregate(JOB).published(hired(inADay()))
               .whenAggregate(ESCROW).publishes(released())
               .expectDispatchedCommands(new ConfirmPayout(ESCROW, PAYOUT_1));
        payoutOutcome = Payouts.Outcome.FAILED;
        setUp();
        fixture.givenCurrentTime(T0).andThenAggregate(JOB).published(hired(inADay()))
               .whenAggregate(ESCROW).publishes(released())
               .expectDispatchedCommands(new ReportPayoutFailure(ESCROW, PAYOUT_1, "Paystack refused the transfer"));
    }

    @Test
    void aTransferThatNeedsAnOtpIsAnOperatorsJob() {
        payoutOutcome = Payouts.Outcome.NEEDS_OTP;
        fixture.givenCurrentTime(T0).andThenAggregate(JOB).published(hired(inADay()))
               .whenAggregate(ESCROW).publishes(released())
               .expectDispatchedCommands(new FlagEscrowForAdmin(ESCROW,
                       "Paystack asks for an OTP on transfers: disable OTP for transfers in the Paystack dashboard"));
    }

    @Test
    void aFailedPayoutIsRetriedAfterABackoffUnderItsNewReference() {
        fixture.givenCurrentTime(T0).andThenAggregate(JOB).published(hired(inADay()))
               .andThenAggregate(ESCROW).published(released())
               .whenAggregate(ESCROW).publishes(new PayoutFailed(ESCROW, PAYOUT_1, "failed", 2, PAYOUT_2, PAY, List.of()))
               .expectScheduledDeadlineWithName(Duration.ofMinutes(2), JobLifecycleSaga.PAYOUT_RETRY);
        payouts.clear();
        setUp();
        fixture.givenCurrentTime(T0).andThenAggregate(JOB).published(hired(inADay()))
               .andThenAggregate(ESCROW).published(released(),
                       new PayoutFailed(ESCROW, PAYOUT_1, "failed", 1, PAYOUT_2, PAY, List.of()))
               .whenTimeElapses(Duration.ofMinutes(1))
               .expectTriggeredDeadlinesWithName(JobLifecycleSaga.PAYOUT_RETRY);
        assertThat(payouts).contains(WORKER + " " + PAYOUT_2 + " " + PAY.amount());
    }

    @Test
    void afterTheLastAttemptAnAdminIsAskedInstead() {
        fixture.givenCurrentTime(T0).andThenAggregate(JOB).published(hired(inADay()))
               .andThenAggregate(ESCROW).published(released())
               .whenAggregate(ESCROW).publishes(new PayoutFailed(ESCROW, PAYOUT_1, "Account resolution failed", 5,
                       EscrowReferences.payout(ESCROW, 6), PAY, List.of()))
               .expectDispatchedCommands(new FlagEscrowForAdmin(ESCROW,
                       "the payout failed 5 times (last: Account resolution failed); check the worker's payout account"))
               .expectScheduledDeadlineWithName(Duration.ofHours(2), JobLifecycleSaga.PAYMENT_WINDOW);
    }

    @Test
    void aCompletedPayoutCompletesTheJobAndEndsTheLifecycle() {
        fixture.givenCurrentTime(T0).andThenAggregate(JOB).published(hired(inADay()))
               .andThenAggregate(ESCROW).published(new EscrowFunded(ESCROW, JOB, TOTAL, 34_750, List.of()), released())
               .whenAggregate(ESCROW).publishes(new PayoutCompleted(ESCROW, JOB, WORKER, PAY, PAYOUT_1, List.of()))
               .expectDispatchedCommands(new CompleteJob(JOB))
               .expectActiveSagas(0);
    }

    @Test
    void aNoShowRefundsTheClientInFull() {
        fixture.givenCurrentTime(T0).andThenAggregate(JOB).published(hired(inADay()))
               .andThenAggregate(ESCROW).published(new EscrowFunded(ESCROW, JOB, TOTAL, 34_750, List.of()))
               .whenAggregate(JOB).publishes(new WorkerNoShow(JOB, WORKER, ESCROW, NOTHING))
               .expectDispatchedCommands(new RefundEscrow(ESCROW, NOTHING, "the worker did not show up"));
    }

    @Test
    void aCancellationAfterFundingRefundsPerThePolicyAndBeforeFundingCancelsTheEscrow() {
        Money half = Money.of(750_000, Currency.NGN);
        fixture.givenCurrentTime(T0).andThenAggregate(JOB).published(hired(inADay()))
               .andThenAggregate(ESCROW).published(new EscrowFunded(ESCROW, JOB, TOTAL, 34_750, List.of()))
               .whenAggregate(JOB).publishes(new JobCancelled(JOB, CLIENT, "plans changed", ESCROW, half))
               .expectDispatchedCommands(new RefundEscrow(ESCROW, half, "cancelled by the client: plans changed"));
        setUp();
        fixture.givenCurrentTime(T0).andThenAggregate(JOB).published(hired(inADay()))
               .whenAggregate(JOB).publishes(new JobCancelled(JOB, CLIENT, "plans changed", null, NOTHING))
               .expectDispatchedCommands(new CancelEscrow(ESCROW, "the job was cancelled before payment"))
               .expectActiveSagas(0);
    }

    @Test
    void aRefundReturnsTheMoneyPaysTheWorkersShareAndEndsWhenBothAreDone() {
        Money share = Money.of(750_000, Currency.NGN);
        Money refund = Money.of(900_000, Currency.NGN);
        var started = new EscrowRefundStarted(ESCROW, JOB, WORKER, refund, share, PAYOUT_1, "late cancellation", List.of());
        fixture.givenCurrentTime(T0).andThenAggregate(JOB).published(hired(inADay()))
               .whenAggregate(ESCROW).publishes(started)
               .expectActiveSagas(1);
        assertThat(refunds).containsExactly(EscrowReferences.charge(ESCROW) + " 900000");
        assertThat(payouts).containsExactly(WORKER + " " + PAYOUT_1 + " 750000");

        setUp();
        fixture.givenCurrentTime(T0).andThenAggregate(JOB).published(hired(inADay()))
               .andThenAggregate(ESCROW).published(started, new EscrowRefunded(ESCROW, JOB, refund, List.of()))
               .whenAggregate(ESCROW).publishes(new PayoutCompleted(ESCROW, JOB, WORKER, share, PAYOUT_1, List.of()))
               .expectNoDispatchedCommands()
               .expectActiveSagas(0);
    }

    @Test
    void aFullRefundEndsTheLifecycleOnceProcessed() {
        var started = new EscrowRefundStarted(ESCROW, JOB, WORKER, TOTAL, NOTHING, null, "no-show", List.of());
        fixture.givenCurrentTime(T0).andThenAggregate(JOB).published(hired(inADay()))
               .andThenAggregate(ESCROW).published(started)
               .whenAggregate(ESCROW).publishes(new EscrowRefunded(ESCROW, JOB, TOTAL, List.of()))
               .expectActiveSagas(0);
    }
}
