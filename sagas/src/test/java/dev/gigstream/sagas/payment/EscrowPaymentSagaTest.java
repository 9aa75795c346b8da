package dev.gigstream.sagas.payment;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.ErrorCode;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.Refusal;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.dispute.DisputeErrorCode;
import dev.gigstream.messages.dispute.OpenDispute;
import dev.gigstream.messages.escrow.ChargebackReceived;
import dev.gigstream.messages.escrow.ConfirmPayout;
import dev.gigstream.messages.escrow.EscrowCancelled;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowFundingRequested;
import dev.gigstream.messages.escrow.EscrowReferences;
import dev.gigstream.messages.escrow.EscrowRefundStarted;
import dev.gigstream.messages.escrow.EscrowRefunded;
import dev.gigstream.messages.escrow.EscrowReleased;
import dev.gigstream.messages.escrow.EscrowSettled;
import dev.gigstream.messages.escrow.EscrowStatus;
import dev.gigstream.messages.escrow.FlagCauses;
import dev.gigstream.messages.escrow.FlagEscrowForAdmin;
import dev.gigstream.messages.escrow.FlagPayoutForAdmin;
import dev.gigstream.messages.escrow.PayoutCompleted;
import dev.gigstream.messages.escrow.PayoutFailed;
import dev.gigstream.messages.escrow.PayoutRetryRequested;
import dev.gigstream.messages.escrow.RecordCheckout;
import dev.gigstream.messages.escrow.ReportPayoutFailure;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.saga.ContinuedGivenState;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static dev.gigstream.sagas.payment.EscrowPaymentSaga.CHECKOUT_RETRY;
import static dev.gigstream.sagas.payment.EscrowPaymentSaga.PAYOUT_RETRY;
import static dev.gigstream.sagas.payment.EscrowPaymentSaga.REFUND_RETRY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The escrow's money with Paystack, rule by rule. Every scenario runs on five tries of a
 * payment-provider call, retries one minute apart and doubling, against recording fakes of the
 * Paystack ports that can be told to fail ({@link FakePayments}, {@link FakePayouts}).
 */
class EscrowPaymentSagaTest {

    private static final PaymentRetries RETRIES = new PaymentRetries(5, Duration.ofMinutes(1));

    private static final String JOB = "5c1d9e2a-1b3f-4e7a-8c2d-9f0a1b2c3d4e";
    private static final String ESCROW = "0b7e2c1d-7a57-4c0e-9d6f-2f1f4c3a9b10";
    private static final String CLIENT = "client-1";
    private static final String WORKER = "worker-1";
    private static final String ADMIN = "admin-1";
    private static final Money PAY = Money.of(1_500_000, Currency.NGN);
    private static final Money FEE = Money.of(150_000, Currency.NGN);
    private static final Money TOTAL = Money.of(1_650_000, Currency.NGN);
    private static final Money NOTHING = Money.zero(Currency.NGN);
    private static final Money SHARE = Money.of(600_000, Currency.NGN);
    private static final Money REST = TOTAL.minus(SHARE);
    private static final String CHARGE = EscrowReferences.charge(EscrowId.of(ESCROW));
    private static final String CHECKOUT_URL = "https://checkout.paystack.com/" + CHARGE;
    private static final String PAYOUT_1 = EscrowReferences.payout(EscrowId.of(ESCROW), 1);
    private static final String PAYOUT_2 = EscrowReferences.payout(EscrowId.of(ESCROW), 2);

    /** Event timestamps carry milliseconds, so the scenarios start on a whole millisecond. */
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private SagaTestFixture<EscrowPaymentSaga> fixture;
    private FakePayments payments;
    private FakePayouts payouts;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(EscrowPaymentSaga.class);
        payments = new FakePayments();
        payouts = new FakePayouts();
        fixture.registerResource(RETRIES);
        fixture.registerResource(payments);
        fixture.registerResource(payouts);
    }

    // ---------------------------------------------------------------- checkout

    @Test
    void theRequestedEscrowGetsAPaystackCheckoutForItsTotal() {
        fixture.givenCurrentTime(T0)
               .whenAggregate(ESCROW).publishes(fundingRequested())
               .expectActiveSagas(1)
               .expectDispatchedCommands(new RecordCheckout(EscrowId.of(ESCROW), CHECKOUT_URL))
               .expectNoScheduledDeadlineWithName(Duration.ofMinutes(1), CHECKOUT_RETRY);
        assertThat(payments.checkouts).containsExactly(ESCROW + " " + CLIENT + " " + CHARGE + " " + TOTAL.amount());
    }

    @Test
    void anUnreachablePaystackDoesNotFailTheFundingRequestButRetriesTheCheckoutAMinuteLater() {
        payments.checkout.unavailableFor(1);
        fixture.givenCurrentTime(T0)
               .whenAggregate(ESCROW).publishes(fundingRequested())
               .expectSuccessfulHandlerExecution()
               .expectNoDispatchedCommands()
               .expectScheduledDeadlineWithName(Duration.ofMinutes(1), CHECKOUT_RETRY);
    }

    @Test
    void theCheckoutIsRetriedWithADoublingBackoffUntilPaystackAnswers() {
        payments.checkout.unavailableFor(2);
        fixture.givenCurrentTime(T0).andThenAggregate(ESCROW).published(fundingRequested())
               .whenTimeElapses(Duration.ofMinutes(3)) // tries at 0, +1 min, +1+2 min
               .expectTriggeredDeadlinesWithName(CHECKOUT_RETRY, CHECKOUT_RETRY)
               .expectDispatchedCommands(new RecordCheckout(EscrowId.of(ESCROW), CHECKOUT_URL))
               .expectNoScheduledDeadlineWithName(Duration.ofMinutes(4), CHECKOUT_RETRY);
        assertThat(payments.checkouts).hasSize(3).containsOnly(payments.checkouts.get(0));
    }

    @Test
    void fundingStopsTheCheckoutRetries() {
        payments.checkout.unavailableAlways();
        fixture.givenCurrentTime(T0).andThenAggregate(ESCROW).published(fundingRequested())
               .whenAggregate(ESCROW).publishes(funded())
               .expectNoDispatchedCommands()
               .expectNoScheduledDeadlines();
        assertThat(payments.checkouts).hasSize(1);
    }

    /** The payment window closed (or the job was cancelled before payment): the lifecycle cancelled the escrow. */
    @Test
    void theCancelledEscrowStopsTheCheckoutRetriesAndEndsTheSaga() throws Exception {
        payments.checkout.unavailableAlways();
        fixture.givenCurrentTime(T0).andThenAggregate(ESCROW).published(fundingRequested())
               .andThenTimeElapses(Duration.ofHours(2))
               .whenAggregate(ESCROW).publishes(new EscrowCancelled(EscrowId.of(ESCROW), JobId.of(JOB), "the payment window closed"))
               .expectNoDispatchedCommands()
               .expectNoScheduledDeadlines()
               .expectActiveSagas(0);
        // tries at 0, 1, 3, 7, 15, 31 and 63 minutes; the next would have been at 127
        assertThat(payments.checkouts).hasSize(7);
    }

    @Test
    void aCheckoutPaystackRefusesIsNotRetried() {
        payments.checkout.refusedFor(1);
        fixture.givenCurrentTime(T0)
               .whenAggregate(ESCROW).publishes(fundingRequested())
               .expectSuccessfulHandlerExecution()
               .expectNoDispatchedCommands()
               .expectNoScheduledDeadlines();
    }

    // ---------------------------------------------------------------- chargebacks

    @Test
    void aChargebackWhileTheEscrowHoldsTheMoneyOpensADisputeForTheClient() {
        Instant at = T0.plus(Duration.ofHours(3));
        givenFunded()
               .whenAggregate(ESCROW).publishes(chargeback("CHB-4471", true, at))
               .expectSuccessfulHandlerExecution()
               .expectDispatchedCommands(new OpenDispute(DisputeId.of(disputeOfChargeback("CHB-4471")), JobId.of(JOB), CLIENT, "chargeback",
                       "The client's bank disputes the payment (Paystack dispute CHB-4471): fraudulent", at));
    }

    /** The escrow flagged the chargeback itself when it arrived, and keeps its money frozen whatever the dispute. */
    @Test
    void aChargebackDisputeThatCannotBeOpenedIsLeftToTheEscrowsOwnFlag() {
        refuse(OpenDispute.class, () -> refusal(DisputeErrorCode.DISPUTE_ALREADY_OPEN, "a dispute is already open"));
        Instant at = T0.plus(Duration.ofHours(3));
        givenFunded()
               .whenAggregate(ESCROW).publishes(chargeback("CHB-4471", true, at))
               .expectSuccessfulHandlerExecution()
               .expectDispatchedCommands(
                       new OpenDispute(DisputeId.of(disputeOfChargeback("CHB-4471")), JobId.of(JOB), CLIENT, "chargeback",
                               "The client's bank disputes the payment (Paystack dispute CHB-4471): fraudulent", at));
    }

    @Test
    void aChargebackAfterTheMoneyLeftTheEscrowIsLeftToTheEscrowsOwnFlag() {
        givenFunded()
               .whenAggregate(ESCROW).publishes(chargeback("CHB-4471", false, T0))
               .expectNoDispatchedCommands()
               .expectActiveSagas(1);
        setUp();
        fixture.givenCurrentTime(T0) // after the escrow settled: nothing of it moves any more
               .whenAggregate(ESCROW).publishes(chargeback("CHB-4471", false, T0))
               .expectNoDispatchedCommands()
               .expectActiveSagas(0);
    }

    /** An escrow funded before this saga existed is picked up by its chargeback. */
    @Test
    void aChargebackOnAnEscrowThisSagaNeverSawStillOpensTheDispute() {
        Instant at = T0.plus(Duration.ofHours(3));
        fixture.givenCurrentTime(T0)
               .whenAggregate(ESCROW).publishes(chargeback("CHB-4471", true, at))
               .expectActiveSagas(1)
               .expectDispatchedCommands(new OpenDispute(DisputeId.of(disputeOfChargeback("CHB-4471")), JobId.of(JOB), CLIENT, "chargeback",
                       "The client's bank disputes the payment (Paystack dispute CHB-4471): fraudulent", at));
    }

    // ---------------------------------------------------------------- payouts

    @Test
    void theReleasedPayIsTransferredToTheWorkerAndAPendingTransferWaitsForPaystack() {
        givenFunded()
               .whenAggregate(ESCROW).publishes(released())
               .expectNoDispatchedCommands()
               .expectNoScheduledDeadlines();
        assertThat(payouts.calls).containsExactly(payout(PAYOUT_1, PAY));
    }

    /** An escrow funded before this saga existed is picked up by its release. */
    @Test
    void aReleaseOfAnEscrowThisSagaNeverSawIsPaid() {
        fixture.givenCurrentTime(T0)
               .whenAggregate(ESCROW).publishes(released())
               .expectActiveSagas(1)
               .expectNoDispatchedCommands();
        assertThat(payouts.calls).containsExactly(payout(PAYOUT_1, PAY));
    }

    @Test
    void aTransferThatSucceedsAtOnceIsConfirmedAtOnce() {
        payouts.outcome = Payouts.Outcome.SUCCEEDED;
        givenFunded()
               .whenAggregate(ESCROW).publishes(released())
               .expectDispatchedCommands(new ConfirmPayout(EscrowId.of(ESCROW), PAYOUT_1));
    }

    @Test
    void aTransferThatFailsAtOnceIsReportedAtOnce() {
        payouts.outcome = Payouts.Outcome.FAILED;
        givenFunded()
               .whenAggregate(ESCROW).publishes(released())
               .expectDispatchedCommands(new ReportPayoutFailure(EscrowId.of(ESCROW), PAYOUT_1, "Paystack refused the transfer"));
    }

    @Test
    void aTransferThatNeedsAnOtpIsAnOperatorsJob() {
        payouts.outcome = Payouts.Outcome.NEEDS_OTP;
        givenFunded()
               .whenAggregate(ESCROW).publishes(released())
               .expectDispatchedCommands(new FlagPayoutForAdmin(EscrowId.of(ESCROW), PAYOUT_1,
                       "Paystack asks for an OTP on transfers: disable OTP for transfers in the Paystack dashboard, then retry"));
    }

    @Test
    void aFailedPayoutIsRetriedAfterABackoffThatDoublesWithTheFailures() {
        givenReleased()
               .whenAggregate(ESCROW).publishes(payoutFailed(PAYOUT_1, 2, PAYOUT_2))
               .expectNoDispatchedCommands()
               .expectScheduledDeadlineWithName(Duration.ofMinutes(2), PAYOUT_RETRY);
    }

    @Test
    void theRetriedPayoutGoesUnderTheNextReference() {
        givenReleased().andThenAggregate(ESCROW).published(payoutFailed(PAYOUT_1, 1, PAYOUT_2))
               .whenTimeElapses(Duration.ofMinutes(1))
               .expectTriggeredDeadlinesWithName(PAYOUT_RETRY);
        assertThat(payouts.calls).containsExactly(payout(PAYOUT_1, PAY), payout(PAYOUT_2, PAY));
    }

    @Test
    void afterTheLastFailedAttemptAnAdminIsAskedInsteadOfRetrying() {
        givenReleased()
               .whenAggregate(ESCROW).publishes(payoutFailed(PAYOUT_1, 5, EscrowReferences.payout(EscrowId.of(ESCROW), 6)))
               .expectDispatchedCommands(new FlagPayoutForAdmin(EscrowId.of(ESCROW), EscrowReferences.payout(EscrowId.of(ESCROW), 6),
                       "the payout failed 5 times (last: Account resolution failed); check the worker's payout account, then retry"))
               .expectNoScheduledDeadlines();
    }

    /**
     * A payout begun before this saga existed, or one reversed after the escrow settled: the saga does not
     * know whom to pay, so the escrow's flag asks an operator (a repeat of the escrow's own flag is a no-op).
     */
    @Test
    void aFailedPayoutThisSagaNeverSawIsLeftToAnOperatorsRetry() {
        fixture.givenCurrentTime(T0)
               .whenAggregate(ESCROW).publishes(payoutFailed(PAYOUT_1, 1, PAYOUT_2))
               .expectDispatchedCommands(new FlagPayoutForAdmin(EscrowId.of(ESCROW), PAYOUT_2,
                       "the payout failed 1 times (last: Account resolution failed); check the worker's payout account, then retry"))
               .expectNoScheduledDeadlines()
               .expectActiveSagas(0);
        assertThat(payouts.calls).isEmpty();
    }

    @Test
    void aCompletedPayoutStopsAPendingRetry() {
        givenReleased().andThenAggregate(ESCROW).published(payoutFailed(PAYOUT_1, 1, PAYOUT_2))
               .whenAggregate(ESCROW).publishes(new PayoutCompleted(EscrowId.of(ESCROW), JobId.of(JOB), WorkerId.of(WORKER), PAY, PAYOUT_1, List.of()))
               .expectNoDispatchedCommands()
               .expectNoScheduledDeadlines();
    }

    @Test
    void anUnreachablePaystackDoesNotFailTheReleaseButRetriesThePayoutAMinuteLater() {
        payouts.script.unavailableFor(1);
        givenFunded()
               .whenAggregate(ESCROW).publishes(released())
               .expectSuccessfulHandlerExecution()
               .expectNoDispatchedCommands()
               .expectScheduledDeadlineWithName(Duration.ofMinutes(1), PAYOUT_RETRY);
    }

    @Test
    void anUnansweredPayoutIsRetriedUnderTheSameReference() {
        payouts.script.unavailableFor(1);
        payouts.outcome = Payouts.Outcome.SUCCEEDED;
        givenReleased()
               .whenTimeElapses(Duration.ofMinutes(1))
               .expectTriggeredDeadlinesWithName(PAYOUT_RETRY)
               .expectDispatchedCommands(new ConfirmPayout(EscrowId.of(ESCROW), PAYOUT_1))
               .expectNoScheduledDeadlines();
        assertThat(payouts.calls).containsExactly(payout(PAYOUT_1, PAY), payout(PAYOUT_1, PAY));
    }

    @Test
    void aPayoutPaystackLeavesUnansweredFiveTimesIsFlaggedForAnAdminAndNoLongerRetried() {
        payouts.script.unavailableAlways();
        givenReleased()
               .whenTimeElapses(Duration.ofHours(1)) // tries at 0, 1, 3, 7 and 15 minutes
               .expectSuccessfulHandlerExecution()
               .expectTriggeredDeadlinesWithName(PAYOUT_RETRY, PAYOUT_RETRY, PAYOUT_RETRY, PAYOUT_RETRY)
               .expectDispatchedCommands(new FlagPayoutForAdmin(EscrowId.of(ESCROW), PAYOUT_1,
                       "Paystack did not answer the payout " + PAYOUT_1 + " 5 times; retry once it is reachable"))
               .expectNoScheduledDeadlines();
        assertThat(payouts.calls).hasSize(5).containsOnly(payout(PAYOUT_1, PAY));
    }

    @Test
    void anOperatorsRetryPaysThePendingReferenceAndReplacesAScheduledRetry() {
        givenReleased().andThenAggregate(ESCROW).published(payoutFailed(PAYOUT_1, 1, PAYOUT_2))
               .whenAggregate(ESCROW).publishes(retryRequested(PAYOUT_2))
               .expectActiveSagas(1)
               .expectNoScheduledDeadlines();
        assertThat(payouts.calls).containsExactly(payout(PAYOUT_1, PAY), payout(PAYOUT_2, PAY));
    }

    @Test
    void anOperatorsRetryAfterTheEscrowSettledStartsANewSagaThatPaysThePendingReference() {
        givenReleased().andThenAggregate(ESCROW).published(new EscrowSettled(EscrowId.of(ESCROW), JobId.of(JOB), EscrowStatus.RELEASED))
               .whenAggregate(ESCROW).publishes(retryRequested(PAYOUT_2))
               .expectActiveSagas(1)
               .expectNoDispatchedCommands();
        assertThat(payouts.calls).containsExactly(payout(PAYOUT_1, PAY), payout(PAYOUT_2, PAY));
    }

    @Test
    void theSagaAnOperatorsRetryStartedEndsWhenTheEscrowSettlesAgain() {
        givenReleased().andThenAggregate(ESCROW).published(new EscrowSettled(EscrowId.of(ESCROW), JobId.of(JOB), EscrowStatus.RELEASED),
                       retryRequested(PAYOUT_2))
               .whenAggregate(ESCROW).publishes(new EscrowSettled(EscrowId.of(ESCROW), JobId.of(JOB), EscrowStatus.RELEASED))
               .expectNoDispatchedCommands()
               .expectActiveSagas(0);
    }

    // ---------------------------------------------------------------- refunds

    @Test
    void aStartedRefundReturnsTheMoneyToTheClientAndPaysTheWorkersShare() {
        givenFunded()
               .whenAggregate(ESCROW).publishes(refundStarted(REST, SHARE, PAYOUT_1))
               .expectNoDispatchedCommands()
               .expectActiveSagas(1);
        assertThat(payments.refunds).containsExactly(refund(REST));
        assertThat(payouts.calls).containsExactly(payout(PAYOUT_1, SHARE));
    }

    /** An escrow funded before this saga existed is picked up by its refund. */
    @Test
    void aRefundOfAnEscrowThisSagaNeverSawIsMade() {
        fixture.givenCurrentTime(T0)
               .whenAggregate(ESCROW).publishes(refundStarted(TOTAL, NOTHING, null))
               .expectActiveSagas(1)
               .expectNoDispatchedCommands();
        assertThat(payments.refunds).containsExactly(refund(TOTAL));
    }

    @Test
    void aRefundOfNothingAsksPaystackForNoRefund() {
        givenFunded()
               .whenAggregate(ESCROW).publishes(refundStarted(NOTHING, TOTAL, PAYOUT_1))
               .expectNoDispatchedCommands();
        assertThat(payments.refunds).isEmpty();
        assertThat(payouts.calls).containsExactly(payout(PAYOUT_1, TOTAL));
    }

    @Test
    void anUnreachablePaystackDoesNotFailTheRefundButRetriesItAMinuteLater() {
        payments.refund.unavailableFor(1);
        givenFunded()
               .whenAggregate(ESCROW).publishes(refundStarted(TOTAL, NOTHING, null))
               .expectSuccessfulHandlerExecution()
               .expectNoDispatchedCommands()
               .expectScheduledDeadlineWithName(Duration.ofMinutes(1), REFUND_RETRY);
    }

    @Test
    void anUnansweredRefundIsRetriedWithADoublingBackoffUntilPaystackAnswers() {
        payments.refund.unavailableFor(2);
        givenFunded().andThenAggregate(ESCROW).published(refundStarted(TOTAL, NOTHING, null))
               .whenTimeElapses(Duration.ofHours(1)) // tries at 0, 1 and 3 minutes
               .expectTriggeredDeadlinesWithName(REFUND_RETRY, REFUND_RETRY)
               .expectNoDispatchedCommands()
               .expectNoScheduledDeadlines();
        assertThat(payments.refunds).hasSize(3).containsOnly(refund(TOTAL));
    }

    @Test
    void aRefundStillUnansweredAfterFiveTriesIsFlaggedOnceAndStillRetried() {
        payments.refund.unavailableAlways();
        givenFunded().andThenAggregate(ESCROW).published(refundStarted(TOTAL, NOTHING, null))
               .whenTimeElapses(Duration.ofMinutes(31)) // tries at 0, 1, 3, 7, 15 and 31 minutes
               .expectSuccessfulHandlerExecution()
               .expectTriggeredDeadlinesWithName(REFUND_RETRY, REFUND_RETRY, REFUND_RETRY, REFUND_RETRY, REFUND_RETRY)
               .expectDispatchedCommands(new FlagEscrowForAdmin(EscrowId.of(ESCROW),
                       "Paystack did not answer the refund of 1650000 NGN 5 times; still trying", FlagCauses.REFUND))
               .expectScheduledDeadlineWithName(Duration.ofMinutes(32), REFUND_RETRY);
        assertThat(payments.refunds).hasSize(6);
    }

    @Test
    void aRefundPaystackRefusesIsFlaggedForAnAdminAndNotRetried() {
        payments.refund.refusedFor(1);
        givenFunded()
               .whenAggregate(ESCROW).publishes(refundStarted(TOTAL, NOTHING, null))
               .expectSuccessfulHandlerExecution()
               .expectDispatchedCommands(new FlagEscrowForAdmin(EscrowId.of(ESCROW),
                       "Paystack refused the refund of 1650000 NGN: the refund exceeds the transaction", FlagCauses.REFUND))
               .expectNoScheduledDeadlines();
    }

    @Test
    void aRefusedRefundDoesNotKeepTheWorkersShareFromBeingPaid() {
        payments.refund.refusedFor(1);
        givenFunded()
               .whenAggregate(ESCROW).publishes(refundStarted(REST, SHARE, PAYOUT_1))
               .expectSuccessfulHandlerExecution();
        assertThat(payouts.calls).containsExactly(payout(PAYOUT_1, SHARE));
    }

    // ---------------------------------------------------------------- after a dispute's resolution

    /** The lifecycle carried out the resolution for the worker: the escrow's release is paid once, nothing refunded. */
    @Test
    void theReleaseThatFollowsAResolutionForTheWorkerPaysTheWorkerOnce() {
        givenFunded()
               .whenAggregate(ESCROW).publishes(released())
               .expectNoDispatchedCommands();
        assertThat(payouts.calls).containsExactly(payout(PAYOUT_1, PAY));
        assertThat(payments.refunds).isEmpty();
    }

    @Test
    void theRefundThatFollowsAResolutionForTheClientRefundsTheClientOnceAndPaysNoOne() {
        givenFunded()
               .whenAggregate(ESCROW).publishes(refundStarted(TOTAL, NOTHING, null))
               .expectNoDispatchedCommands();
        assertThat(payments.refunds).containsExactly(refund(TOTAL));
        assertThat(payouts.calls).isEmpty();
    }

    @Test
    void theRefundThatFollowsASplitRefundsTheClientOnceAndPaysTheWorkersShareOnce() {
        givenFunded()
               .whenAggregate(ESCROW).publishes(refundStarted(REST, SHARE, PAYOUT_1))
               .expectNoDispatchedCommands();
        assertThat(payments.refunds).containsExactly(refund(REST));
        assertThat(payouts.calls).containsExactly(payout(PAYOUT_1, SHARE));
    }

    // ---------------------------------------------------------------- settlement

    @Test
    void aReleasedSettlementEndsTheSaga() {
        givenReleased()
               .whenAggregate(ESCROW).publishes(new EscrowSettled(EscrowId.of(ESCROW), JobId.of(JOB), EscrowStatus.RELEASED))
               .expectNoDispatchedCommands()
               .expectActiveSagas(0);
    }

    @Test
    void aSplitOrRefundedSettlementEndsTheSaga() {
        givenFunded().andThenAggregate(ESCROW).published(refundStarted(REST, SHARE, PAYOUT_1))
               .whenAggregate(ESCROW).publishes(new EscrowSettled(EscrowId.of(ESCROW), JobId.of(JOB), EscrowStatus.SPLIT))
               .expectNoDispatchedCommands()
               .expectActiveSagas(0);
        setUp();
        givenFunded().andThenAggregate(ESCROW).published(refundStarted(TOTAL, NOTHING, null))
               .whenAggregate(ESCROW).publishes(new EscrowSettled(EscrowId.of(ESCROW), JobId.of(JOB), EscrowStatus.REFUNDED))
               .expectNoDispatchedCommands()
               .expectActiveSagas(0);
    }

    @Test
    void neitherACompletedPayoutNorAProcessedRefundEndsTheSagaBeforeTheEscrowSettles() {
        givenFunded().andThenAggregate(ESCROW).published(refundStarted(REST, SHARE, PAYOUT_1))
               .whenAggregate(ESCROW).publishes(new PayoutCompleted(EscrowId.of(ESCROW), JobId.of(JOB), WorkerId.of(WORKER), SHARE, PAYOUT_1, List.of()))
               .expectNoDispatchedCommands()
               .expectActiveSagas(1);
        setUp();
        givenFunded().andThenAggregate(ESCROW).published(refundStarted(REST, SHARE, PAYOUT_1))
               .whenAggregate(ESCROW).publishes(new EscrowRefunded(EscrowId.of(ESCROW), JobId.of(JOB), REST, List.of()))
               .expectNoDispatchedCommands()
               .expectActiveSagas(1);
    }

    @Test
    void theSettlementStopsPendingRetries() {
        payments.refund.unavailableFor(1);
        payouts.script.unavailableFor(1);
        givenFunded().andThenAggregate(ESCROW).published(refundStarted(REST, SHARE, PAYOUT_1))
               .whenAggregate(ESCROW).publishes(new EscrowSettled(EscrowId.of(ESCROW), JobId.of(JOB), EscrowStatus.SPLIT))
               .expectNoScheduledDeadlines()
               .expectActiveSagas(0);
    }

    // ---------------------------------------------------------------- scenarios

    private ContinuedGivenState givenFunded() {
        return fixture.givenCurrentTime(T0).andThenAggregate(ESCROW).published(fundingRequested(), funded());
    }

    private ContinuedGivenState givenReleased() {
        return givenFunded().andThenAggregate(ESCROW).published(released());
    }

    /** The next command of that type is refused, the way a distributed command bus reports a refusal. */
    private void refuse(Class<?> commandType, Supplier<Refusal> refusal) {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (commandType.isInstance(payload)) {
                Refusal details = refusal.get();
                throw new CommandExecutionException(details.detail(), null, details);
            }
            return null;
        });
    }

    private static Refusal refusal(ErrorCode code, String detail) {
        return Refusal.of(code, detail);
    }

    // ---------------------------------------------------------------- messages

    private static EscrowFundingRequested fundingRequested() {
        return new EscrowFundingRequested(EscrowId.of(ESCROW), JobId.of(JOB), CLIENT, WorkerId.of(WORKER), PAY, FEE, TOTAL, CHARGE);
    }

    private static EscrowFunded funded() {
        return new EscrowFunded(EscrowId.of(ESCROW), JobId.of(JOB), TOTAL, Money.of(34_750, TOTAL.currency()), List.of());
    }

    private static ChargebackReceived chargeback(String chargebackId, boolean moneyHeld, Instant at) {
        return new ChargebackReceived(EscrowId.of(ESCROW), JobId.of(JOB), CLIENT, chargebackId, "fraudulent", moneyHeld, at);
    }

    /** The dispute a chargeback opens has an id derived from the chargeback, so a redelivery cannot open two. */
    private static String disputeOfChargeback(String chargebackId) {
        return UUID.nameUUIDFromBytes(("chargeback:" + chargebackId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static EscrowReleased released() {
        return new EscrowReleased(EscrowId.of(ESCROW), JobId.of(JOB), WorkerId.of(WORKER), PAY, FEE, PAYOUT_1, List.of());
    }

    private static PayoutFailed payoutFailed(String reference, int failures, String nextReference) {
        return new PayoutFailed(EscrowId.of(ESCROW), reference, "Account resolution failed", failures, nextReference, PAY, List.of());
    }

    private static PayoutRetryRequested retryRequested(String reference) {
        return new PayoutRetryRequested(EscrowId.of(ESCROW), JobId.of(JOB), WorkerId.of(WORKER), reference, PAY, ADMIN);
    }

    private static EscrowRefundStarted refundStarted(Money refund, Money workerShare, String payoutReference) {
        return new EscrowRefundStarted(EscrowId.of(ESCROW), JobId.of(JOB), WorkerId.of(WORKER), refund, workerShare, payoutReference, "refund", List.of());
    }

    private static String payout(String reference, Money amount) {
        return WORKER + " " + reference + " " + amount.amount();
    }

    private static String refund(Money amount) {
        return CHARGE + " " + amount.amount();
    }
}
