package dev.gigstream.command.escrow;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.MoneyErrorCode;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.escrow.CancelEscrow;
import dev.gigstream.messages.escrow.ChargebackResolved;
import dev.gigstream.messages.escrow.CheckoutOpened;
import dev.gigstream.messages.escrow.ConfirmEscrowFunded;
import dev.gigstream.messages.escrow.ConfirmPayout;
import dev.gigstream.messages.escrow.ConfirmRefund;
import dev.gigstream.messages.escrow.EscrowCancelled;
import dev.gigstream.messages.escrow.EscrowErrorCode;
import dev.gigstream.messages.escrow.EscrowFlaggedForAdmin;
import dev.gigstream.messages.escrow.EscrowFrozen;
import dev.gigstream.messages.escrow.EscrowRefundStarted;
import dev.gigstream.messages.escrow.EscrowRefunded;
import dev.gigstream.messages.escrow.EscrowUnfrozen;
import dev.gigstream.messages.escrow.FlagCauses;
import dev.gigstream.messages.escrow.FlagEscrowForAdmin;
import dev.gigstream.messages.escrow.FlagPayoutForAdmin;
import dev.gigstream.messages.escrow.FreezeEscrow;
import dev.gigstream.messages.escrow.PayoutCompleted;
import dev.gigstream.messages.escrow.PayoutFailed;
import dev.gigstream.messages.escrow.PayoutRetryRequested;
import dev.gigstream.messages.escrow.Posting;
import dev.gigstream.messages.escrow.RecordChargeback;
import dev.gigstream.messages.escrow.RecordChargebackResolution;
import dev.gigstream.messages.escrow.RecordCheckout;
import dev.gigstream.messages.escrow.RefundEscrow;
import dev.gigstream.messages.escrow.ReleaseEscrow;
import dev.gigstream.messages.escrow.ReportPayoutFailure;
import dev.gigstream.messages.escrow.RequestEscrowFunding;
import dev.gigstream.messages.escrow.RetryPayout;
import dev.gigstream.messages.escrow.UnfreezeEscrow;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.gigstream.command.RefusalMatcher.refusedWith;
import static dev.gigstream.command.escrow.EscrowMother.ADMIN_ID;
import static dev.gigstream.command.escrow.EscrowMother.CHARGE;
import static dev.gigstream.command.escrow.EscrowMother.CHARGEBACK_ID;
import static dev.gigstream.command.escrow.EscrowMother.CHARGED_BACK_AT;
import static dev.gigstream.command.escrow.EscrowMother.CLIENT_ID;
import static dev.gigstream.command.escrow.EscrowMother.CLIENT_SHARE;
import static dev.gigstream.command.escrow.EscrowMother.ESCROW_ID;
import static dev.gigstream.command.escrow.EscrowMother.FEE;
import static dev.gigstream.command.escrow.EscrowMother.FIRST_PAYOUT;
import static dev.gigstream.command.escrow.EscrowMother.JOB_ID;
import static dev.gigstream.command.escrow.EscrowMother.NOTHING;
import static dev.gigstream.command.escrow.EscrowMother.PAY;
import static dev.gigstream.command.escrow.EscrowMother.PROCESSOR_FEE;
import static dev.gigstream.command.escrow.EscrowMother.SECOND_PAYOUT;
import static dev.gigstream.command.escrow.EscrowMother.TOTAL;
import static dev.gigstream.command.escrow.EscrowMother.WORKER_ID;
import static dev.gigstream.command.escrow.EscrowMother.WORKER_SHARE;
import static dev.gigstream.command.escrow.EscrowMother.chargebackFlagged;
import static dev.gigstream.command.escrow.EscrowMother.chargebackReceived;
import static dev.gigstream.command.escrow.EscrowMother.flagged;
import static dev.gigstream.command.escrow.EscrowMother.refundFlagged;
import static dev.gigstream.command.escrow.EscrowMother.chargebackLostFlagged;
import static dev.gigstream.command.escrow.EscrowMother.chargebackLost;
import static dev.gigstream.command.escrow.EscrowMother.chargebackResolved;
import static dev.gigstream.command.escrow.EscrowMother.unfrozenByWonChargeback;
import static dev.gigstream.command.escrow.EscrowMother.keptFrozen;
import static dev.gigstream.command.escrow.EscrowMother.flagCleared;
import static dev.gigstream.command.escrow.EscrowMother.chargebackHoldFlagged;
import static dev.gigstream.command.escrow.EscrowMother.payoutFlagged;
import static dev.gigstream.command.escrow.EscrowMother.frozen;
import static dev.gigstream.command.escrow.EscrowMother.fullRefundStarted;
import static dev.gigstream.command.escrow.EscrowMother.funded;
import static dev.gigstream.command.escrow.EscrowMother.payoutCompleted;
import static dev.gigstream.command.escrow.EscrowMother.payoutFailed;
import static dev.gigstream.command.escrow.EscrowMother.payoutReversed;
import static dev.gigstream.command.escrow.EscrowMother.refunded;
import static dev.gigstream.command.escrow.EscrowMother.released;
import static dev.gigstream.command.escrow.EscrowMother.requested;
import static dev.gigstream.command.escrow.EscrowMother.reversalFlagged;
import static dev.gigstream.command.escrow.EscrowMother.settled;
import static dev.gigstream.command.escrow.EscrowMother.splitStarted;
import static dev.gigstream.messages.escrow.EscrowStatus.AWAITING_FUNDING;
import static dev.gigstream.messages.escrow.EscrowStatus.REFUNDED;
import static org.assertj.core.api.Assertions.assertThat;
import static dev.gigstream.messages.escrow.EscrowStatus.REFUNDING;
import static dev.gigstream.messages.escrow.EscrowStatus.RELEASED;
import static dev.gigstream.messages.escrow.EscrowStatus.RELEASING;
import static dev.gigstream.messages.escrow.EscrowStatus.SPLIT;
import static dev.gigstream.messages.escrow.LedgerAccount.ESCROW;
import static dev.gigstream.messages.escrow.LedgerAccount.PAYSTACK_BALANCE;
import static dev.gigstream.messages.escrow.LedgerAccount.REFUND_PAYABLE;
import static dev.gigstream.messages.escrow.LedgerAccount.WORKER_PAYABLE;

class EscrowPaymentTest {

    private static final Instant PAID_AT = Instant.parse("2026-11-24T10:15:03Z");

    private AggregateTestFixture<EscrowPayment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(EscrowPayment.class);
        fixture.registerInjectableResource(new FeePolicy(FeePolicy.DEFAULT_BASIS_POINTS));
    }

    private static ConfirmEscrowFunded paid(Money amount) {
        return new ConfirmEscrowFunded(EscrowId.of(ESCROW_ID), CHARGE, amount, PROCESSOR_FEE, PAID_AT);
    }

    @Nested
    class Funding {

        @Test
        void aHireOpensAnEscrowForThePayPlusTheServiceFee() {
            fixture.givenNoPriorActivity()
                   .when(new RequestEscrowFunding(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), CLIENT_ID, WorkerId.of(WORKER_ID), PAY))
                   .expectEvents(requested());
        }

        @Test
        void anEscrowIsForAPositivePay() {
            fixture.givenNoPriorActivity()
                   .when(new RequestEscrowFunding(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), CLIENT_ID, WorkerId.of(WORKER_ID), Money.of(0, Currency.NGN)))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.INVALID_AMOUNT));
        }

        @Test
        void aPayTooLargeForTheFeeArithmeticIsRefusedNotThrown() {
            fixture.givenNoPriorActivity()
                   .when(new RequestEscrowFunding(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), CLIENT_ID, WorkerId.of(WORKER_ID), Money.of(Long.MAX_VALUE, Currency.NGN)))
                   .expectNoEvents().expectException(refusedWith(MoneyErrorCode.AMOUNT_OUT_OF_RANGE));
        }

        @Test
        void theCheckoutPageIsRecordedOnce() {
            fixture.given(requested())
                   .when(new RecordCheckout(EscrowId.of(ESCROW_ID), "https://checkout.paystack.com/abc"))
                   .expectEvents(new CheckoutOpened(EscrowId.of(ESCROW_ID), "https://checkout.paystack.com/abc"));
            fixture.given(requested(), new CheckoutOpened(EscrowId.of(ESCROW_ID), "https://checkout.paystack.com/abc"))
                   .when(new RecordCheckout(EscrowId.of(ESCROW_ID), "https://checkout.paystack.com/abc"))
                   .expectNoEvents();
        }

        @Test
        void aCheckoutReportedAfterThePaymentIsNotRecorded() {
            fixture.given(requested(), funded())
                   .when(new RecordCheckout(EscrowId.of(ESCROW_ID), "https://checkout.paystack.com/late"))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void theExactTotalFundsTheEscrowAndItsProcessorFeeIsBookedToThePlatform() {
            fixture.given(requested())
                   .when(paid(TOTAL))
                   .expectEvents(funded());
        }

        @Test
        void anyOtherAmountCurrencyOrReferenceIsRefused() {
            for (var wrong : List.of(paid(Money.of(1_649_999, Currency.NGN)), paid(Money.of(1_650_000, Currency.GHS)),
                    new ConfirmEscrowFunded(EscrowId.of(ESCROW_ID), "gs-esc-someone-else", TOTAL, PROCESSOR_FEE, PAID_AT),
                    new ConfirmEscrowFunded(EscrowId.of(ESCROW_ID), CHARGE, TOTAL, TOTAL.plus(Money.of(1, Currency.NGN)), PAID_AT),
                    new ConfirmEscrowFunded(EscrowId.of(ESCROW_ID), CHARGE, TOTAL, Money.of(-1, Currency.NGN), PAID_AT),
                    new ConfirmEscrowFunded(EscrowId.of(ESCROW_ID), CHARGE, TOTAL, Money.of(34_750, Currency.GHS), PAID_AT))) {
                fixture.given(requested()).when(wrong)
                       .expectNoEvents().expectException(refusedWith(EscrowErrorCode.AMOUNT_MISMATCH));
            }
        }

        @Test
        void aSecondConfirmationOfThePaymentChangesNothing() {
            fixture.given(requested(), funded())
                   .when(paid(TOTAL))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void moneyArrivingAfterCancellationIsRecordedAndFlaggedForARefund() {
            fixture.given(requested(), new EscrowCancelled(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), "payment window expired"))
                   .when(paid(TOTAL))
                   .expectEvents(funded(), new EscrowFlaggedForAdmin(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID),
                           "paid after the escrow was cancelled: refund the client"));
        }
    }

    @Nested
    class Cancelling {

        @Test
        void anUnfundedEscrowIsCancelledOnce() {
            fixture.given(requested())
                   .when(new CancelEscrow(EscrowId.of(ESCROW_ID), "payment window expired"))
                   .expectEvents(new EscrowCancelled(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), "payment window expired"));
            fixture.given(requested(), new EscrowCancelled(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), "payment window expired"))
                   .when(new CancelEscrow(EscrowId.of(ESCROW_ID), "again"))
                   .expectNoEvents();
        }

        @Test
        void aFundedEscrowIsNotCancelledButRefunded() {
            fixture.given(requested(), funded())
                   .when(new CancelEscrow(EscrowId.of(ESCROW_ID), "too late"))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.WRONG_STATE));
        }
    }

    @Nested
    class Releasing {

        @Test
        void aConfirmedShiftMakesThePayPayableAndTheFeeEarned() {
            fixture.given(requested(), funded())
                   .when(new ReleaseEscrow(EscrowId.of(ESCROW_ID)))
                   .expectEvents(released());
        }

        @Test
        void releasingTwicePaysOnce() {
            fixture.given(requested(), funded(), released())
                   .when(new ReleaseEscrow(EscrowId.of(ESCROW_ID)))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void nothingIsReleasedBeforeFunding() {
            fixture.given(requested())
                   .when(new ReleaseEscrow(EscrowId.of(ESCROW_ID)))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.NOT_FUNDED));
        }
    }

    /** A dispute freezes the money; its outcome unfreezes and releases it, or refunds it with or without a share. */
    @Nested
    class Freezing {

        @Test
        void aFundedEscrowFreezes() {
            fixture.given(requested(), funded())
                   .when(new FreezeEscrow(EscrowId.of(ESCROW_ID), "dispute opened"))
                   .expectEvents(new EscrowFrozen(EscrowId.of(ESCROW_ID), "dispute opened"));
        }

        @Test
        void freezingTwiceFreezesOnce() {
            fixture.given(requested(), funded(), frozen())
                   .when(new FreezeEscrow(EscrowId.of(ESCROW_ID), "again"))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void onlyAFundedEscrowFreezes() {
            var cancelled = new EscrowCancelled(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), "payment window expired");
            for (List<Object> history : List.<List<Object>>of(
                    List.of(requested()),
                    List.of(requested(), cancelled),
                    List.of(requested(), funded(), released()),
                    List.of(requested(), funded(), released(), payoutCompleted(), settled(RELEASED)),
                    List.of(requested(), funded(), fullRefundStarted()),
                    List.of(requested(), funded(), fullRefundStarted(), refunded(TOTAL), settled(REFUNDED)))) {
                fixture.given(history)
                       .when(new FreezeEscrow(EscrowId.of(ESCROW_ID), "dispute opened"))
                       .expectNoEvents().expectException(refusedWith(EscrowErrorCode.WRONG_STATE));
            }
        }

        @Test
        void aFrozenEscrowReleasesNothing() {
            fixture.given(requested(), funded(), frozen())
                   .when(new ReleaseEscrow(EscrowId.of(ESCROW_ID)))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.FROZEN));
        }

        @Test
        void aFrozenEscrowUnfreezes() {
            fixture.given(requested(), funded(), frozen())
                   .when(new UnfreezeEscrow(EscrowId.of(ESCROW_ID), "dispute withdrawn"))
                   .expectEvents(new EscrowUnfrozen(EscrowId.of(ESCROW_ID), "dispute withdrawn"));
        }

        @Test
        void unfreezingAnEscrowThatIsNotFrozenChangesNothing() {
            fixture.given(requested(), funded())
                   .when(new UnfreezeEscrow(EscrowId.of(ESCROW_ID), "nothing to unfreeze"))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void anUnfrozenEscrowCanBeReleasedAgain() {
            fixture.given(requested(), funded(), frozen(), new EscrowUnfrozen(EscrowId.of(ESCROW_ID), "resolved"))
                   .when(new ReleaseEscrow(EscrowId.of(ESCROW_ID)))
                   .expectEvents(released());
        }

        @Test
        void aFrozenEscrowIsRefundedInFullToTheClient() {
            fixture.given(requested(), funded(), frozen())
                   .when(new RefundEscrow(EscrowId.of(ESCROW_ID), NOTHING, "dispute: refund to client"))
                   .expectEvents(fullRefundStarted("dispute: refund to client"));
        }

        @Test
        void aFrozenEscrowIsSplitBetweenTheWorkerAndTheClient() {
            fixture.given(requested(), funded(), frozen())
                   .when(new RefundEscrow(EscrowId.of(ESCROW_ID), WORKER_SHARE, "dispute: split"))
                   .expectEvents(splitStarted("dispute: split"));
        }

        @Test
        void anEscrowSplitByADisputeSettlesAsSplit() {
            fixture.given(requested(), funded(), frozen(), splitStarted("dispute: split"), refunded(CLIENT_SHARE))
                   .when(new ConfirmPayout(EscrowId.of(ESCROW_ID), FIRST_PAYOUT))
                   .expectEvents(payoutCompleted(FIRST_PAYOUT, WORKER_SHARE), settled(SPLIT));
        }
    }

    @Nested
    class PayingOut {

        @Test
        void aSuccessfulTransferCompletesThePayout() {
            fixture.given(requested(), funded(), released())
                   .when(new ConfirmPayout(EscrowId.of(ESCROW_ID), FIRST_PAYOUT))
                   .expectEvents(new PayoutCompleted(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), WorkerId.of(WORKER_ID), PAY, FIRST_PAYOUT, List.of(
                           new Posting(WORKER_PAYABLE, PAY.amount()), new Posting(PAYSTACK_BALANCE, -PAY.amount()))),
                           settled(RELEASED));
        }

        @Test
        void aDuplicateSuccessChangesNothing() {
            fixture.given(requested(), funded(), released(), payoutCompleted(), settled(RELEASED))
                   .when(new ConfirmPayout(EscrowId.of(ESCROW_ID), FIRST_PAYOUT))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aFailedTransferIsRetriedUnderANewReference() {
            fixture.given(requested(), funded(), released())
                   .when(new ReportPayoutFailure(EscrowId.of(ESCROW_ID), FIRST_PAYOUT, "Account resolution failed"))
                   .expectEvents(new PayoutFailed(EscrowId.of(ESCROW_ID), FIRST_PAYOUT, "Account resolution failed", 1,
                           SECOND_PAYOUT, PAY, List.of()));
        }

        @Test
        void aFailureReportedAgainChangesNothingAndTheOldAttemptCannotSucceed() {
            var failed = new PayoutFailed(EscrowId.of(ESCROW_ID), FIRST_PAYOUT, "failed", 1, SECOND_PAYOUT, PAY, List.of());
            fixture.given(requested(), funded(), released(), failed)
                   .when(new ReportPayoutFailure(EscrowId.of(ESCROW_ID), FIRST_PAYOUT, "failed"))
                   .expectNoEvents();
            fixture.given(requested(), funded(), released(), failed)
                   .when(new ConfirmPayout(EscrowId.of(ESCROW_ID), FIRST_PAYOUT))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.UNKNOWN_PAYOUT));
            fixture.given(requested(), funded(), released(), failed)
                   .when(new ConfirmPayout(EscrowId.of(ESCROW_ID), SECOND_PAYOUT))
                   .expectEvents(new PayoutCompleted(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), WorkerId.of(WORKER_ID), PAY, SECOND_PAYOUT, List.of(
                           new Posting(WORKER_PAYABLE, PAY.amount()), new Posting(PAYSTACK_BALANCE, -PAY.amount()))),
                           settled(RELEASED));
        }

        @Test
        void aReversedTransferTakesTheMoneyBackIntoTheWorkersPayableAndAsksAnOperator() {
            fixture.given(requested(), funded(), released(), payoutCompleted(), settled(RELEASED))
                   .when(new ReportPayoutFailure(EscrowId.of(ESCROW_ID), FIRST_PAYOUT, "reversed by the bank"))
                   .expectEvents(new PayoutFailed(EscrowId.of(ESCROW_ID), FIRST_PAYOUT, "reversed by the bank", 1, SECOND_PAYOUT, PAY,
                           List.of(new Posting(PAYSTACK_BALANCE, PAY.amount()), new Posting(WORKER_PAYABLE, -PAY.amount()))),
                           reversalFlagged(FIRST_PAYOUT, SECOND_PAYOUT));
        }

        @Test
        void aFlagIsRaisedOncePerReason() {
            fixture.given(requested(), funded(), released())
                   .when(new FlagEscrowForAdmin(EscrowId.of(ESCROW_ID), "payouts keep failing"))
                   .expectEvents(new EscrowFlaggedForAdmin(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), "payouts keep failing"));
            fixture.given(requested(), funded(), released(), new EscrowFlaggedForAdmin(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), "payouts keep failing"))
                   .when(new FlagEscrowForAdmin(EscrowId.of(ESCROW_ID), "payouts keep failing"))
                   .expectNoEvents();
        }
    }

    /** An operator who fixed what kept a flagged payout from going through asks for another try. */
    @Nested
    class RetryingPayouts {

        @Test
        void aFlaggedPendingPayoutIsRetriedUnderItsPendingReference() {
            fixture.given(requested(), funded(), released(), payoutFailed(FIRST_PAYOUT, 1, SECOND_PAYOUT, PAY),
                          payoutFlagged(SECOND_PAYOUT))
                   .when(new RetryPayout(EscrowId.of(ESCROW_ID), ADMIN_ID))
                   .expectEvents(new PayoutRetryRequested(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), WorkerId.of(WORKER_ID), SECOND_PAYOUT, PAY, ADMIN_ID));
        }

        @Test
        void aRetriedShareOfASplitIsForTheShareOnly() {
            fixture.given(requested(), funded(), splitStarted(), payoutFailed(FIRST_PAYOUT, 1, SECOND_PAYOUT, WORKER_SHARE),
                          payoutFlagged(SECOND_PAYOUT))
                   .when(new RetryPayout(EscrowId.of(ESCROW_ID), ADMIN_ID))
                   .expectEvents(new PayoutRetryRequested(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), WorkerId.of(WORKER_ID), SECOND_PAYOUT, WORKER_SHARE,
                           ADMIN_ID));
        }

        @Test
        void aReversedPayoutIsRetriedOnceAnOperatorCheckedTheAccount() {
            fixture.given(requested(), funded(), released(), payoutCompleted(), settled(RELEASED),
                          payoutReversed(FIRST_PAYOUT, 1, SECOND_PAYOUT, PAY), reversalFlagged(FIRST_PAYOUT, SECOND_PAYOUT))
                   .when(new RetryPayout(EscrowId.of(ESCROW_ID), ADMIN_ID))
                   .expectEvents(new PayoutRetryRequested(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), WorkerId.of(WORKER_ID), SECOND_PAYOUT, PAY, ADMIN_ID));
        }

        @Test
        void aPayoutThatIsNotFlaggedIsLeftToTheAutomaticRetries() {
            fixture.given(requested(), funded(), released(), payoutFailed(FIRST_PAYOUT, 1, SECOND_PAYOUT, PAY))
                   .when(new RetryPayout(EscrowId.of(ESCROW_ID), ADMIN_ID))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.NO_PAYOUT_TO_RETRY));
        }

        @Test
        void withoutAPendingPayoutThereIsNothingToRetry() {
            var flag = flagged("look at this");
            for (List<Object> history : List.<List<Object>>of(
                    List.of(requested(), funded(), flag),
                    List.of(requested(), funded(), released(), payoutCompleted(), settled(RELEASED), flag),
                    List.of(requested(), funded(), fullRefundStarted(), flag),
                    List.of(requested(), funded(), fullRefundStarted(), refunded(TOTAL), settled(REFUNDED), flag))) {
                fixture.given(history)
                       .when(new RetryPayout(EscrowId.of(ESCROW_ID), ADMIN_ID))
                       .expectNoEvents().expectException(refusedWith(EscrowErrorCode.NO_PAYOUT_TO_RETRY));
            }
        }

        @Test
        void onlyAStuckPayoutIsRetriedNotOneFlaggedForSomethingElse() {
            fixture.given(requested(), funded(), released(), payoutFailed(FIRST_PAYOUT, 1, SECOND_PAYOUT, PAY),
                          flagged("chargeback while the escrow is RELEASING"))
                   .when(new RetryPayout(EscrowId.of(ESCROW_ID), ADMIN_ID))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.NO_PAYOUT_TO_RETRY));
        }

        @Test
        void aPayoutIsFlaggedOnlyWhilePendingAndOncePerAttempt() {
            fixture.given(requested(), funded(), released(), payoutFailed(FIRST_PAYOUT, 1, SECOND_PAYOUT, PAY))
                   .when(new FlagPayoutForAdmin(EscrowId.of(ESCROW_ID), SECOND_PAYOUT, "payouts keep failing"))
                   .expectEvents(payoutFlagged(SECOND_PAYOUT));
            fixture.given(requested(), funded(), released(), payoutFailed(FIRST_PAYOUT, 1, SECOND_PAYOUT, PAY),
                          payoutFlagged(SECOND_PAYOUT))
                   .when(new FlagPayoutForAdmin(EscrowId.of(ESCROW_ID), SECOND_PAYOUT, "payouts keep failing"))
                   .expectNoEvents();
            fixture.given(requested(), funded(), released(), payoutFailed(FIRST_PAYOUT, 1, SECOND_PAYOUT, PAY))
                   .when(new FlagPayoutForAdmin(EscrowId.of(ESCROW_ID), FIRST_PAYOUT, "an attempt that already failed"))
                   .expectNoEvents();
        }

        @Test
        void aRetriedPayoutThatSticksAgainIsFlaggedAgain() {
            fixture.given(requested(), funded(), released(), payoutFailed(FIRST_PAYOUT, 1, SECOND_PAYOUT, PAY),
                          payoutFlagged(SECOND_PAYOUT),
                          new PayoutRetryRequested(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), WorkerId.of(WORKER_ID), SECOND_PAYOUT, PAY, ADMIN_ID))
                   .when(new FlagPayoutForAdmin(EscrowId.of(ESCROW_ID), SECOND_PAYOUT, "payouts keep failing"))
                   .expectEvents(payoutFlagged(SECOND_PAYOUT));
        }

        @Test
        void anotherRetryWaitsForANewFlag() {
            fixture.given(requested(), funded(), released(), payoutFailed(FIRST_PAYOUT, 1, SECOND_PAYOUT, PAY),
                          payoutFlagged(SECOND_PAYOUT),
                          new PayoutRetryRequested(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), WorkerId.of(WORKER_ID), SECOND_PAYOUT, PAY, ADMIN_ID))
                   .when(new RetryPayout(EscrowId.of(ESCROW_ID), ADMIN_ID))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.NO_PAYOUT_TO_RETRY));
        }
    }

    @Nested
    class Refunding {

        private final Money nothing = Money.of(0, Currency.NGN);

        @Test
        void aFullRefundReturnsTheWholeTotalToTheClient() {
            fixture.given(requested(), funded())
                   .when(new RefundEscrow(EscrowId.of(ESCROW_ID), nothing, "cancelled two days ahead"))
                   .expectEvents(new EscrowRefundStarted(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), WorkerId.of(WORKER_ID), TOTAL, nothing, null,
                           "cancelled two days ahead", List.of(new Posting(ESCROW, TOTAL.amount()),
                           new Posting(REFUND_PAYABLE, -TOTAL.amount()))));
            fixture.given(requested(), funded(), fullRefundStarted())
                   .when(new ConfirmRefund(EscrowId.of(ESCROW_ID), TOTAL))
                   .expectEvents(new EscrowRefunded(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), TOTAL, List.of(
                           new Posting(REFUND_PAYABLE, TOTAL.amount()), new Posting(PAYSTACK_BALANCE, -TOTAL.amount()))),
                           settled(REFUNDED));
        }

        @Test
        void aSplitPaysTheWorkerTheirShareAndRefundsAllTheRestToTheClient() {
            Money share = Money.of(750_000, Currency.NGN);
            fixture.given(requested(), funded())
                   .when(new RefundEscrow(EscrowId.of(ESCROW_ID), share, "cancelled on the day"))
                   .expectEvents(new EscrowRefundStarted(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), WorkerId.of(WORKER_ID), Money.of(900_000, Currency.NGN),
                           share, FIRST_PAYOUT, "cancelled on the day", List.of(new Posting(ESCROW, TOTAL.amount()),
                           new Posting(REFUND_PAYABLE, -900_000), new Posting(WORKER_PAYABLE, -750_000))));
        }

        @Test
        void aRefundNeverExceedsWhatIsHeld() {
            fixture.given(requested(), funded())
                   .when(new RefundEscrow(EscrowId.of(ESCROW_ID), Money.of(TOTAL.amount() + 1, Currency.NGN), "too generous"))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.EXCEEDS_FUNDS));
            fixture.given(requested(), funded())
                   .when(new RefundEscrow(EscrowId.of(ESCROW_ID), Money.of(-1, Currency.NGN), "negative"))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.INVALID_AMOUNT));
            fixture.given(requested(), funded(), released())
                   .when(new RefundEscrow(EscrowId.of(ESCROW_ID), nothing, "already released"))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.NOT_FUNDED));
            fixture.given(requested())
                   .when(new RefundEscrow(EscrowId.of(ESCROW_ID), nothing, "never paid"))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.NOT_FUNDED));
        }

        @Test
        void theWorkersShareIsInTheEscrowsCurrency() {
            fixture.given(requested(), funded())
                   .when(new RefundEscrow(EscrowId.of(ESCROW_ID), Money.of(1_000, Currency.GHS), "wrong currency"))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.INVALID_AMOUNT));
        }

        @Test
        void aRefundIsNotConfirmedBeforeItStarted() {
            fixture.given(requested(), funded())
                   .when(new ConfirmRefund(EscrowId.of(ESCROW_ID), TOTAL))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.AMOUNT_MISMATCH));
        }

        @Test
        void aRefundIsStartedAndConfirmedOnce() {
            fixture.given(requested(), funded(), fullRefundStarted())
                   .when(new RefundEscrow(EscrowId.of(ESCROW_ID), nothing, "again"))
                   .expectNoEvents();
            fixture.given(requested(), funded(), fullRefundStarted(), new EscrowRefunded(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), TOTAL,
                          List.of(new Posting(REFUND_PAYABLE, TOTAL.amount()), new Posting(PAYSTACK_BALANCE, -TOTAL.amount()))),
                          settled(REFUNDED))
                   .when(new ConfirmRefund(EscrowId.of(ESCROW_ID), TOTAL))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(requested(), funded(), fullRefundStarted())
                   .when(new ConfirmRefund(EscrowId.of(ESCROW_ID), PAY))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.AMOUNT_MISMATCH));
        }
    }

    /** A flag carries its cause, and the event that resolves the cause clears it. */
    @Nested
    class FlagsAndTheirCauses {

        private final String refused = "Paystack refused the refund of 900000 NGN: Transaction has been fully reversed";

        @Test
        void aRefundFlagClearsWhenPaystackProcessesTheRefundAfterAll() {
            fixture.given(requested(), funded(), splitStarted(), refundFlagged(refused))
                   .when(new ConfirmRefund(EscrowId.of(ESCROW_ID), CLIENT_SHARE))
                   .expectEvents(refunded(CLIENT_SHARE), flagCleared(refundFlagged(refused)));
            fixture.given(requested(), funded(), splitStarted(), payoutCompleted(FIRST_PAYOUT, WORKER_SHARE),
                          refundFlagged(refused))
                   .when(new ConfirmRefund(EscrowId.of(ESCROW_ID), CLIENT_SHARE))
                   .expectEvents(refunded(CLIENT_SHARE), flagCleared(refundFlagged(refused)), settled(SPLIT));
            fixture.given(requested(), funded(), fullRefundStarted(), refundFlagged(refused))
                   .when(new ConfirmRefund(EscrowId.of(ESCROW_ID), TOTAL))
                   .expectEvents(refunded(TOTAL), flagCleared(refundFlagged(refused)), settled(REFUNDED));
        }

        @Test
        void aFlagWhoseCauseIsAlreadyResolvedIsNotRaised() {
            fixture.given(requested(), funded(), splitStarted(), refunded(CLIENT_SHARE))
                   .when(new FlagEscrowForAdmin(EscrowId.of(ESCROW_ID), refused, FlagCauses.REFUND))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(requested(), funded(), chargebackReceived(true), chargebackHoldFlagged(),
                          chargebackResolved("declined"), flagCleared(chargebackHoldFlagged()))
                   .when(new FlagEscrowForAdmin(EscrowId.of(ESCROW_ID), "look at chargeback", FlagCauses.chargeback(CHARGEBACK_ID)))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aClearedFlagIsRaisedAgainWhenItsCauseComesBack() {
            fixture.given(requested(), funded(), splitStarted())
                   .when(new FlagEscrowForAdmin(EscrowId.of(ESCROW_ID), refused, FlagCauses.REFUND))
                   .expectEvents(refundFlagged(refused));
        }

        @Test
        void flagsAboutOtherCausesStay() {
            fixture.given(requested(), funded(), splitStarted(), refundFlagged(refused), flagged("look at this"),
                          payoutFlagged(FIRST_PAYOUT))
                   .when(new ConfirmRefund(EscrowId.of(ESCROW_ID), CLIENT_SHARE))
                   .expectEvents(refunded(CLIENT_SHARE), flagCleared(refundFlagged(refused)));
        }
    }

    /** Once nothing is owed any more (no payout pending, no refund unprocessed) the escrow settles, once. */
    @Nested
    class Settling {

        @Test
        void aReleaseSettlesAsReleasedOnceThePayoutWentThrough() {
            fixture.given(requested(), funded(), released())
                   .when(new ConfirmPayout(EscrowId.of(ESCROW_ID), FIRST_PAYOUT))
                   .expectEvents(payoutCompleted(), settled(RELEASED));
        }

        @Test
        void aRefundWithoutAShareSettlesAsRefundedOnceTheRefundIsConfirmed() {
            fixture.given(requested(), funded(), fullRefundStarted())
                   .when(new ConfirmRefund(EscrowId.of(ESCROW_ID), TOTAL))
                   .expectEvents(refunded(TOTAL), settled(REFUNDED));
        }

        @Test
        void aSplitIsNotSettledWhileTheWorkersShareIsStillOwed() {
            fixture.given(requested(), funded(), splitStarted())
                   .when(new ConfirmRefund(EscrowId.of(ESCROW_ID), CLIENT_SHARE))
                   .expectEvents(refunded(CLIENT_SHARE));
        }

        @Test
        void aSplitIsNotSettledWhileTheClientsRefundIsStillOwed() {
            fixture.given(requested(), funded(), splitStarted())
                   .when(new ConfirmPayout(EscrowId.of(ESCROW_ID), FIRST_PAYOUT))
                   .expectEvents(payoutCompleted(FIRST_PAYOUT, WORKER_SHARE));
        }

        @Test
        void aSplitSettlesAsSplitOnceBothTheRefundAndThePayoutWentThrough() {
            fixture.given(requested(), funded(), splitStarted(), refunded(CLIENT_SHARE))
                   .when(new ConfirmPayout(EscrowId.of(ESCROW_ID), FIRST_PAYOUT))
                   .expectEvents(payoutCompleted(FIRST_PAYOUT, WORKER_SHARE), settled(SPLIT));
            fixture.given(requested(), funded(), splitStarted(), payoutCompleted(FIRST_PAYOUT, WORKER_SHARE))
                   .when(new ConfirmRefund(EscrowId.of(ESCROW_ID), CLIENT_SHARE))
                   .expectEvents(refunded(CLIENT_SHARE), settled(SPLIT));
        }

        @Test
        void aPayoutConfirmedTwiceSettlesOnce() {
            fixture.given(requested(), funded(), released(), payoutCompleted(), settled(RELEASED))
                   .when(new ConfirmPayout(EscrowId.of(ESCROW_ID), FIRST_PAYOUT))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(requested(), funded(), splitStarted(), refunded(CLIENT_SHARE),
                          payoutCompleted(FIRST_PAYOUT, WORKER_SHARE), settled(SPLIT))
                   .when(new ConfirmPayout(EscrowId.of(ESCROW_ID), FIRST_PAYOUT))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aWorkersShareThatFailedOnceStillSettlesAsSplit() {
            fixture.given(requested(), funded(), splitStarted(), refunded(CLIENT_SHARE),
                          payoutFailed(FIRST_PAYOUT, 1, SECOND_PAYOUT, WORKER_SHARE))
                   .when(new ConfirmPayout(EscrowId.of(ESCROW_ID), SECOND_PAYOUT))
                   .expectEvents(payoutCompleted(SECOND_PAYOUT, WORKER_SHARE), settled(SPLIT));
        }

        @Test
        void aReversedShareReopensASplitUntilItsRetryWentThrough() {
            fixture.given(requested(), funded(), splitStarted(), refunded(CLIENT_SHARE),
                          payoutCompleted(FIRST_PAYOUT, WORKER_SHARE), settled(SPLIT),
                          payoutReversed(FIRST_PAYOUT, 1, SECOND_PAYOUT, WORKER_SHARE))
                   .when(new ConfirmPayout(EscrowId.of(ESCROW_ID), SECOND_PAYOUT))
                   .expectEvents(payoutCompleted(SECOND_PAYOUT, WORKER_SHARE), settled(SPLIT));
        }

        @Test
        void aReversedPayoutReopensTheEscrowUntilItsRetryWentThrough() {
            fixture.given(requested(), funded(), released(), payoutCompleted(), settled(RELEASED),
                          payoutReversed(FIRST_PAYOUT, 1, SECOND_PAYOUT, PAY), reversalFlagged(FIRST_PAYOUT, SECOND_PAYOUT),
                          new PayoutRetryRequested(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), WorkerId.of(WORKER_ID), SECOND_PAYOUT, PAY, ADMIN_ID))
                   .when(new ConfirmPayout(EscrowId.of(ESCROW_ID), SECOND_PAYOUT))
                   .expectEvents(payoutCompleted(SECOND_PAYOUT, PAY), settled(RELEASED));
        }
    }

    /** The client's bank disputes the charge: a dispute while the money is held, an operator once it left. */
    @Nested
    class Chargebacks {

        private final RecordChargeback chargeback = new RecordChargeback(EscrowId.of(ESCROW_ID), CHARGEBACK_ID, "fraudulent",
                CHARGED_BACK_AT);

        @Test
        void aChargebackWhileTheEscrowHoldsTheMoneyFreezesItAndIsFlaggedFromTheMomentItArrives() {
            fixture.given(requested(), funded())
                   .when(chargeback)
                   .expectEvents(chargebackReceived(true), chargebackHoldFlagged())
                   .expectState(escrow -> assertThat(escrow.chargebackOpen()).isTrue());
            fixture.given(requested(), funded(), frozen())
                   .when(chargeback)
                   .expectEvents(chargebackReceived(true), chargebackHoldFlagged());
        }

        @Test
        void nothingIsReleasedOrRefundedWhileAChargebackIsOpen() {
            fixture.given(requested(), funded(), chargebackReceived(true), chargebackHoldFlagged())
                   .when(new ReleaseEscrow(EscrowId.of(ESCROW_ID)))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.FROZEN));
            fixture.given(requested(), funded(), chargebackReceived(true), chargebackHoldFlagged())
                   .when(new RefundEscrow(EscrowId.of(ESCROW_ID), NOTHING, "dispute resolved: REFUND_TO_CLIENT"))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.FROZEN));
            fixture.given(requested(), funded(), frozen(), chargebackReceived(true), chargebackHoldFlagged())
                   .when(new RefundEscrow(EscrowId.of(ESCROW_ID), WORKER_SHARE, "dispute resolved: SPLIT"))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.FROZEN));
        }

        /** The chargeback's own dispute, the client's or the worker's: whichever is withdrawn, the money stays frozen. */
        @Test
        void withdrawingADisputeDoesNotUnfreezeTheMoneyOfAnOpenChargeback() {
            fixture.given(requested(), funded(), chargebackReceived(true), chargebackHoldFlagged(), frozen())
                   .when(new UnfreezeEscrow(EscrowId.of(ESCROW_ID), "dispute withdrawn"))
                   .expectEvents(keptFrozen("dispute withdrawn"));
            fixture.given(requested(), funded(), frozen(), chargebackReceived(true), chargebackHoldFlagged())
                   .when(new UnfreezeEscrow(EscrowId.of(ESCROW_ID), "dispute withdrawn"))
                   .expectEvents(keptFrozen("dispute withdrawn"));
            fixture.given(requested(), funded(), frozen(), chargebackReceived(true), chargebackHoldFlagged(),
                          keptFrozen("dispute withdrawn"))
                   .when(new ReleaseEscrow(EscrowId.of(ESCROW_ID)))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.FROZEN));
        }

        @Test
        void aChargebackWonAfterTheDisputeWasWithdrawnUnfreezesTheMoneyAndClearsItsFlag() {
            fixture.given(requested(), funded(), chargebackReceived(true), chargebackHoldFlagged(), frozen(),
                          keptFrozen("dispute withdrawn"))
                   .when(new RecordChargebackResolution(EscrowId.of(ESCROW_ID), CHARGEBACK_ID, "declined"))
                   .expectEvents(chargebackResolved("declined"), flagCleared(chargebackHoldFlagged()),
                           unfrozenByWonChargeback())
                   .expectState(escrow -> assertThat(escrow.chargebackOpen()).isFalse());
            fixture.given(requested(), funded(), chargebackReceived(true), chargebackHoldFlagged(), frozen(),
                          keptFrozen("dispute withdrawn"), chargebackResolved("declined"),
                          flagCleared(chargebackHoldFlagged()), unfrozenByWonChargeback())
                   .when(new ReleaseEscrow(EscrowId.of(ESCROW_ID)))
                   .expectEvents(released());
        }

        @Test
        void aChargebackWonWhileADisputeIsStillOpenLeavesTheMoneyFrozenForTheDispute() {
            fixture.given(requested(), funded(), chargebackReceived(true), chargebackHoldFlagged(), frozen())
                   .when(new RecordChargebackResolution(EscrowId.of(ESCROW_ID), CHARGEBACK_ID, "declined"))
                   .expectEvents(chargebackResolved("declined"), flagCleared(chargebackHoldFlagged()));
            fixture.given(requested(), funded(), chargebackReceived(true), chargebackHoldFlagged(), frozen(),
                          chargebackResolved("declined"), flagCleared(chargebackHoldFlagged()))
                   .when(new UnfreezeEscrow(EscrowId.of(ESCROW_ID), "dispute withdrawn"))
                   .expectEvents(new EscrowUnfrozen(EscrowId.of(ESCROW_ID), "dispute withdrawn"));
        }

        @Test
        void aChargebackLostWhileTheMoneyWasHeldTakesItFromTheEscrowAndKeepsItFrozenForGood() {
            fixture.given(requested(), funded(), chargebackReceived(true), chargebackHoldFlagged(), frozen())
                   .when(new RecordChargebackResolution(EscrowId.of(ESCROW_ID), CHARGEBACK_ID, "merchant-accepted", TOTAL))
                   .expectEvents(chargebackResolved("merchant-accepted"), chargebackLost(TOTAL, TOTAL),
                           flagCleared(chargebackHoldFlagged()), chargebackLostFlagged(TOTAL));
            fixture.given(requested(), funded(), chargebackReceived(true), chargebackHoldFlagged(), frozen(),
                          chargebackResolved("merchant-accepted"), chargebackLost(TOTAL, TOTAL),
                          flagCleared(chargebackHoldFlagged()), chargebackLostFlagged(TOTAL),
                          keptFrozen("dispute withdrawn"))
                   .when(new ReleaseEscrow(EscrowId.of(ESCROW_ID)))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.FROZEN));
            fixture.given(requested(), funded(), chargebackReceived(true), chargebackHoldFlagged(), frozen(),
                          chargebackResolved("merchant-accepted"), chargebackLost(TOTAL, TOTAL))
                   .when(new RefundEscrow(EscrowId.of(ESCROW_ID), NOTHING, "dispute resolved: REFUND_TO_CLIENT"))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.FROZEN));
        }

        /** Paystack's webhooks can arrive out of order: the hold follows the money, not the moment the chargeback arrived. */
        @Test
        void aChargebackThatArrivedBeforeThePaymentHoldsTheMoneyOnceItArrives() {
            fixture.given(requested(), chargebackReceived(false), chargebackFlagged(AWAITING_FUNDING), funded())
                   .when(new ReleaseEscrow(EscrowId.of(ESCROW_ID)))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.FROZEN));
            fixture.given(requested(), chargebackReceived(false), chargebackFlagged(AWAITING_FUNDING), funded())
                   .when(new RecordChargebackResolution(EscrowId.of(ESCROW_ID), CHARGEBACK_ID, "declined"))
                   .expectEvents(chargebackResolved("declined"), flagCleared(chargebackFlagged(AWAITING_FUNDING)),
                           unfrozenByWonChargeback());
            fixture.given(requested(), chargebackReceived(false), chargebackFlagged(AWAITING_FUNDING), funded(),
                          chargebackResolved("merchant-accepted"), chargebackLost(TOTAL, TOTAL))
                   .when(new ReleaseEscrow(EscrowId.of(ESCROW_ID)))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.FROZEN));
        }

        @Test
        void aChargebackLostAfterTheReleaseIsTheOperatorsLossInTheLedger() {
            fixture.given(requested(), funded(), released(), payoutCompleted(), settled(RELEASED),
                          chargebackReceived(false), chargebackFlagged(RELEASED))
                   .when(new RecordChargebackResolution(EscrowId.of(ESCROW_ID), CHARGEBACK_ID, "merchant-accepted", TOTAL))
                   .expectEvents(chargebackResolved("merchant-accepted"), chargebackLost(TOTAL, NOTHING),
                           flagCleared(chargebackFlagged(RELEASED)), chargebackLostFlagged(TOTAL));
        }

        @Test
        void aLostChargebackTakesBackAtMostTheCharge() {
            Money part = Money.of(400_000, Currency.NGN);
            fixture.given(requested(), funded(), released(), chargebackReceived(false), chargebackFlagged(RELEASING))
                   .when(new RecordChargebackResolution(EscrowId.of(ESCROW_ID), CHARGEBACK_ID, "merchant-accepted", part))
                   .expectEvents(chargebackResolved("merchant-accepted"), chargebackLost(part, NOTHING),
                           flagCleared(chargebackFlagged(RELEASING)), chargebackLostFlagged(part));
            for (Money said : new Money[]{null, Money.of(TOTAL.amount() + 1, Currency.NGN), Money.of(400_000, Currency.GHS),
                    NOTHING}) {
                fixture.given(requested(), funded(), released(), chargebackReceived(false), chargebackFlagged(RELEASING))
                       .when(new RecordChargebackResolution(EscrowId.of(ESCROW_ID), CHARGEBACK_ID, "merchant-accepted", said))
                       .expectEvents(chargebackResolved("merchant-accepted"), chargebackLost(TOTAL, NOTHING),
                               flagCleared(chargebackFlagged(RELEASING)), chargebackLostFlagged(TOTAL));
            }
        }

        @Test
        void aChargebackWonAfterTheReleaseClearsItsFlag() {
            fixture.given(requested(), funded(), released(), payoutCompleted(), settled(RELEASED),
                          chargebackReceived(false), chargebackFlagged(RELEASED))
                   .when(new RecordChargebackResolution(EscrowId.of(ESCROW_ID), CHARGEBACK_ID, "declined"))
                   .expectEvents(chargebackResolved("declined"), flagCleared(chargebackFlagged(RELEASED)));
        }

        @Test
        void aResolutionPaystackDoesNotDocumentKeepsTheMoneyFrozenAndFlagged() {
            fixture.given(requested(), funded(), chargebackReceived(true), chargebackHoldFlagged())
                   .when(new RecordChargebackResolution(EscrowId.of(ESCROW_ID), CHARGEBACK_ID, "unknown"))
                   .expectEvents(chargebackResolved("unknown"))
                   .expectState(escrow -> assertThat(escrow.chargebackOpen()).isTrue());
        }

        @Test
        void aChargebackAfterTheMoneyLeftIsFlaggedForAnAdmin() {
            fixture.given(requested(), funded(), released())
                   .when(chargeback)
                   .expectEvents(chargebackReceived(false), chargebackFlagged(RELEASING));
            fixture.given(requested(), funded(), released(), payoutCompleted(), settled(RELEASED))
                   .when(chargeback)
                   .expectEvents(chargebackReceived(false), chargebackFlagged(RELEASED));
            fixture.given(requested(), funded(), fullRefundStarted())
                   .when(chargeback)
                   .expectEvents(chargebackReceived(false), chargebackFlagged(REFUNDING));
        }

        @Test
        void aChargebackDeliveredTwiceIsRecordedOnce() {
            fixture.given(requested(), funded(), chargebackReceived(true), chargebackHoldFlagged())
                   .when(chargeback)
                   .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(requested(), funded(), released(), chargebackReceived(false), chargebackFlagged(RELEASING))
                   .when(chargeback)
                   .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void theResolutionOfAChargebackIsRecorded() {
            fixture.given(requested(), funded(), chargebackReceived(true), chargebackHoldFlagged())
                   .when(new RecordChargebackResolution(EscrowId.of(ESCROW_ID), CHARGEBACK_ID, "declined"))
                   .expectEvents(new ChargebackResolved(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), CHARGEBACK_ID, "declined"),
                           flagCleared(chargebackHoldFlagged()), unfrozenByWonChargeback());
        }

        @Test
        void aResolutionDeliveredTwiceIsRecordedOnce() {
            fixture.given(requested(), funded(), chargebackReceived(true),
                          new ChargebackResolved(EscrowId.of(ESCROW_ID), JobId.of(JOB_ID), CHARGEBACK_ID, "declined"))
                   .when(new RecordChargebackResolution(EscrowId.of(ESCROW_ID), CHARGEBACK_ID, "declined"))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
        }
    }

    @Test
    void theFeeSplitAddsUp() {
        org.assertj.core.api.Assertions.assertThat(PAY.amount() + FEE.amount()).isEqualTo(TOTAL.amount());
    }
}
