package dev.gigstream.command.escrow;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.escrow.CancelEscrow;
import dev.gigstream.messages.escrow.CheckoutOpened;
import dev.gigstream.messages.escrow.ConfirmEscrowFunded;
import dev.gigstream.messages.escrow.ConfirmPayout;
import dev.gigstream.messages.escrow.ConfirmRefund;
import dev.gigstream.messages.escrow.EscrowCancelled;
import dev.gigstream.messages.escrow.EscrowErrorCode;
import dev.gigstream.messages.escrow.EscrowFlaggedForAdmin;
import dev.gigstream.messages.escrow.EscrowFrozen;
import dev.gigstream.messages.escrow.EscrowReferences;
import dev.gigstream.messages.escrow.EscrowRefundStarted;
import dev.gigstream.messages.escrow.EscrowRefunded;
import dev.gigstream.messages.escrow.EscrowUnfrozen;
import dev.gigstream.messages.escrow.FlagEscrowForAdmin;
import dev.gigstream.messages.escrow.FreezeEscrow;
import dev.gigstream.messages.escrow.PayoutCompleted;
import dev.gigstream.messages.escrow.PayoutFailed;
import dev.gigstream.messages.escrow.Posting;
import dev.gigstream.messages.escrow.RecordCheckout;
import dev.gigstream.messages.escrow.RefundEscrow;
import dev.gigstream.messages.escrow.ReleaseEscrow;
import dev.gigstream.messages.escrow.ReportPayoutFailure;
import dev.gigstream.messages.escrow.RequestEscrowFunding;
import dev.gigstream.messages.escrow.UnfreezeEscrow;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.gigstream.command.RefusalMatcher.refusedWith;
import static dev.gigstream.command.escrow.EscrowMother.CHARGE;
import static dev.gigstream.command.escrow.EscrowMother.CLIENT_ID;
import static dev.gigstream.command.escrow.EscrowMother.ESCROW_ID;
import static dev.gigstream.command.escrow.EscrowMother.FEE;
import static dev.gigstream.command.escrow.EscrowMother.FIRST_PAYOUT;
import static dev.gigstream.command.escrow.EscrowMother.JOB_ID;
import static dev.gigstream.command.escrow.EscrowMother.PAY;
import static dev.gigstream.command.escrow.EscrowMother.PROCESSOR_FEE;
import static dev.gigstream.command.escrow.EscrowMother.TOTAL;
import static dev.gigstream.command.escrow.EscrowMother.WORKER_ID;
import static dev.gigstream.command.escrow.EscrowMother.funded;
import static dev.gigstream.command.escrow.EscrowMother.released;
import static dev.gigstream.command.escrow.EscrowMother.requested;
import static dev.gigstream.messages.escrow.LedgerAccount.ESCROW;
import static dev.gigstream.messages.escrow.LedgerAccount.PAYSTACK_BALANCE;
import static dev.gigstream.messages.escrow.LedgerAccount.REFUND_PAYABLE;
import static dev.gigstream.messages.escrow.LedgerAccount.WORKER_PAYABLE;

class EscrowPaymentTest {

    private static final Instant PAID_AT = Instant.parse("2026-11-24T10:15:03Z");
    private static final String SECOND_PAYOUT = EscrowReferences.payout(ESCROW_ID, 2);

    private AggregateTestFixture<EscrowPayment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(EscrowPayment.class);
        fixture.registerInjectableResource(new FeePolicy(FeePolicy.DEFAULT_BASIS_POINTS));
    }

    private static ConfirmEscrowFunded paid(Money amount) {
        return new ConfirmEscrowFunded(ESCROW_ID, CHARGE, amount, PROCESSOR_FEE, PAID_AT);
    }

    @Nested
    class Funding {

        @Test
        void aHireOpensAnEscrowForThePayPlusTheServiceFee() {
            fixture.givenNoPriorActivity()
                   .when(new RequestEscrowFunding(ESCROW_ID, JOB_ID, CLIENT_ID, WORKER_ID, PAY))
                   .expectEvents(requested());
        }

        @Test
        void anEscrowIsForAPositivePay() {
            fixture.givenNoPriorActivity()
                   .when(new RequestEscrowFunding(ESCROW_ID, JOB_ID, CLIENT_ID, WORKER_ID, Money.of(0, Currency.NGN)))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.INVALID_AMOUNT));
        }

        @Test
        void theCheckoutPageIsRecordedOnce() {
            fixture.given(requested())
                   .when(new RecordCheckout(ESCROW_ID, "https://checkout.paystack.com/abc"))
                   .expectEvents(new CheckoutOpened(ESCROW_ID, "https://checkout.paystack.com/abc"));
            fixture.given(requested(), new CheckoutOpened(ESCROW_ID, "https://checkout.paystack.com/abc"))
                   .when(new RecordCheckout(ESCROW_ID, "https://checkout.paystack.com/abc"))
                   .expectNoEvents();
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
                    new ConfirmEscrowFunded(ESCROW_ID, "gs-esc-someone-else", TOTAL, PROCESSOR_FEE, PAID_AT),
                    new ConfirmEscrowFunded(ESCROW_ID, CHARGE, TOTAL, TOTAL.amount() + 1, PAID_AT))) {
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
            fixture.given(requested(), new EscrowCancelled(ESCROW_ID, JOB_ID, "payment window expired"))
                   .when(paid(TOTAL))
                   .expectEvents(funded(), new EscrowFlaggedForAdmin(ESCROW_ID, JOB_ID,
                           "paid after the escrow was cancelled: refund the client"));
        }
    }

    @Nested
    class Cancelling {

        @Test
        void anUnfundedEscrowIsCancelledOnce() {
            fixture.given(requested())
                   .when(new CancelEscrow(ESCROW_ID, "payment window expired"))
                   .expectEvents(new EscrowCancelled(ESCROW_ID, JOB_ID, "payment window expired"));
            fixture.given(requested(), new EscrowCancelled(ESCROW_ID, JOB_ID, "payment window expired"))
                   .when(new CancelEscrow(ESCROW_ID, "again"))
                   .expectNoEvents();
        }

        @Test
        void aFundedEscrowIsNotCancelledButRefunded() {
            fixture.given(requested(), funded())
                   .when(new CancelEscrow(ESCROW_ID, "too late"))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.WRONG_STATE));
        }
    }

    @Nested
    class Releasing {

        @Test
        void aConfirmedShiftMakesThePayPayableAndTheFeeEarned() {
            fixture.given(requested(), funded())
                   .when(new ReleaseEscrow(ESCROW_ID))
                   .expectEvents(released());
        }

        @Test
        void releasingTwicePaysOnce() {
            fixture.given(requested(), funded(), released())
                   .when(new ReleaseEscrow(ESCROW_ID))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void nothingIsReleasedBeforeFundingOrWhileFrozen() {
            fixture.given(requested())
                   .when(new ReleaseEscrow(ESCROW_ID))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.NOT_FUNDED));
            fixture.given(requested(), funded(), new EscrowFrozen(ESCROW_ID, "dispute"))
                   .when(new ReleaseEscrow(ESCROW_ID))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.FROZEN));
        }

        @Test
        void anUnfrozenEscrowCanBeReleasedAgain() {
            fixture.given(requested(), funded(), new EscrowFrozen(ESCROW_ID, "dispute"),
                          new EscrowUnfrozen(ESCROW_ID, "resolved"))
                   .when(new ReleaseEscrow(ESCROW_ID))
                   .expectEvents(released());
        }

        @Test
        void onlyAFundedEscrowFreezesAndFreezingIsIdempotent() {
            fixture.given(requested(), funded())
                   .when(new FreezeEscrow(ESCROW_ID, "dispute opened"))
                   .expectEvents(new EscrowFrozen(ESCROW_ID, "dispute opened"));
            fixture.given(requested(), funded(), new EscrowFrozen(ESCROW_ID, "dispute opened"))
                   .when(new FreezeEscrow(ESCROW_ID, "again"))
                   .expectNoEvents();
            fixture.given(requested())
                   .when(new FreezeEscrow(ESCROW_ID, "dispute opened"))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.WRONG_STATE));
            fixture.given(requested(), funded())
                   .when(new UnfreezeEscrow(ESCROW_ID, "nothing to unfreeze"))
                   .expectNoEvents();
        }
    }

    @Nested
    class PayingOut {

        @Test
        void aSuccessfulTransferCompletesThePayout() {
            fixture.given(requested(), funded(), released())
                   .when(new ConfirmPayout(ESCROW_ID, FIRST_PAYOUT))
                   .expectEvents(new PayoutCompleted(ESCROW_ID, JOB_ID, WORKER_ID, PAY, FIRST_PAYOUT, List.of(
                           new Posting(WORKER_PAYABLE, PAY.amount()), new Posting(PAYSTACK_BALANCE, -PAY.amount()))));
        }

        @Test
        void aDuplicateSuccessChangesNothing() {
            fixture.given(requested(), funded(), released(), payoutCompleted())
                   .when(new ConfirmPayout(ESCROW_ID, FIRST_PAYOUT))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aFailedTransferIsRetriedUnderANewReference() {
            fixture.given(requested(), funded(), released())
                   .when(new ReportPayoutFailure(ESCROW_ID, FIRST_PAYOUT, "Account resolution failed"))
                   .expectEvents(new PayoutFailed(ESCROW_ID, FIRST_PAYOUT, "Account resolution failed", 1,
                           SECOND_PAYOUT, PAY, List.of()));
        }

        @Test
        void aFailureReportedAgainChangesNothingAndTheOldAttemptCannotSucceed() {
            var failed = new PayoutFailed(ESCROW_ID, FIRST_PAYOUT, "failed", 1, SECOND_PAYOUT, PAY, List.of());
            fixture.given(requested(), funded(), released(), failed)
                   .when(new ReportPayoutFailure(ESCROW_ID, FIRST_PAYOUT, "failed"))
                   .expectNoEvents();
            fixture.given(requested(), funded(), released(), failed)
                   .when(new ConfirmPayout(ESCROW_ID, FIRST_PAYOUT))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.UNKNOWN_PAYOUT));
            fixture.given(requested(), funded(), released(), failed)
                   .when(new ConfirmPayout(ESCROW_ID, SECOND_PAYOUT))
                   .expectEvents(new PayoutCompleted(ESCROW_ID, JOB_ID, WORKER_ID, PAY, SECOND_PAYOUT, List.of(
                           new Posting(WORKER_PAYABLE, PAY.amount()), new Posting(PAYSTACK_BALANCE, -PAY.amount()))));
        }

        @Test
        void aReversedTransferTakesTheMoneyBackIntoTheWorkersPayable() {
            fixture.given(requested(), funded(), released(), payoutCompleted())
                   .when(new ReportPayoutFailure(ESCROW_ID, FIRST_PAYOUT, "reversed by the bank"))
                   .expectEvents(new PayoutFailed(ESCROW_ID, FIRST_PAYOUT, "reversed by the bank", 1, SECOND_PAYOUT, PAY,
                           List.of(new Posting(PAYSTACK_BALANCE, PAY.amount()), new Posting(WORKER_PAYABLE, -PAY.amount()))));
        }

        @Test
        void aFlagIsRaisedOncePerReason() {
            fixture.given(requested(), funded(), released())
                   .when(new FlagEscrowForAdmin(ESCROW_ID, "payouts keep failing"))
                   .expectEvents(new EscrowFlaggedForAdmin(ESCROW_ID, JOB_ID, "payouts keep failing"));
            fixture.given(requested(), funded(), released(), new EscrowFlaggedForAdmin(ESCROW_ID, JOB_ID, "payouts keep failing"))
                   .when(new FlagEscrowForAdmin(ESCROW_ID, "payouts keep failing"))
                   .expectNoEvents();
        }
    }

    @Nested
    class Refunding {

        private final Money nothing = Money.of(0, Currency.NGN);

        @Test
        void aFullRefundReturnsTheWholeTotalToTheClient() {
            fixture.given(requested(), funded())
                   .when(new RefundEscrow(ESCROW_ID, nothing, "cancelled two days ahead"))
                   .expectEvents(new EscrowRefundStarted(ESCROW_ID, JOB_ID, WORKER_ID, TOTAL, nothing, null,
                           "cancelled two days ahead", List.of(new Posting(ESCROW, TOTAL.amount()),
                           new Posting(REFUND_PAYABLE, -TOTAL.amount()))));
            fixture.given(requested(), funded(), fullRefundStarted())
                   .when(new ConfirmRefund(ESCROW_ID, TOTAL))
                   .expectEvents(new EscrowRefunded(ESCROW_ID, JOB_ID, TOTAL, List.of(
                           new Posting(REFUND_PAYABLE, TOTAL.amount()), new Posting(PAYSTACK_BALANCE, -TOTAL.amount()))));
        }

        @Test
        void aSplitPaysTheWorkerTheirShareAndRefundsAllTheRestToTheClient() {
            Money share = Money.of(750_000, Currency.NGN);
            fixture.given(requested(), funded())
                   .when(new RefundEscrow(ESCROW_ID, share, "cancelled on the day"))
                   .expectEvents(new EscrowRefundStarted(ESCROW_ID, JOB_ID, WORKER_ID, Money.of(900_000, Currency.NGN),
                           share, FIRST_PAYOUT, "cancelled on the day", List.of(new Posting(ESCROW, TOTAL.amount()),
                           new Posting(REFUND_PAYABLE, -900_000), new Posting(WORKER_PAYABLE, -750_000))));
        }

        @Test
        void aRefundNeverExceedsWhatIsHeld() {
            fixture.given(requested(), funded())
                   .when(new RefundEscrow(ESCROW_ID, Money.of(TOTAL.amount() + 1, Currency.NGN), "too generous"))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.EXCEEDS_FUNDS));
            fixture.given(requested(), funded())
                   .when(new RefundEscrow(ESCROW_ID, Money.of(-1, Currency.NGN), "negative"))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.INVALID_AMOUNT));
            fixture.given(requested(), funded(), released())
                   .when(new RefundEscrow(ESCROW_ID, nothing, "already released"))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.NOT_FUNDED));
            fixture.given(requested())
                   .when(new RefundEscrow(ESCROW_ID, nothing, "never paid"))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.NOT_FUNDED));
        }

        @Test
        void aRefundIsStartedAndConfirmedOnce() {
            fixture.given(requested(), funded(), fullRefundStarted())
                   .when(new RefundEscrow(ESCROW_ID, nothing, "again"))
                   .expectNoEvents();
            fixture.given(requested(), funded(), fullRefundStarted(), new EscrowRefunded(ESCROW_ID, JOB_ID, TOTAL,
                          List.of(new Posting(REFUND_PAYABLE, TOTAL.amount()), new Posting(PAYSTACK_BALANCE, -TOTAL.amount()))))
                   .when(new ConfirmRefund(ESCROW_ID, TOTAL))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(requested(), funded(), fullRefundStarted())
                   .when(new ConfirmRefund(ESCROW_ID, PAY))
                   .expectNoEvents().expectException(refusedWith(EscrowErrorCode.AMOUNT_MISMATCH));
        }

        @Test
        void aDisputedEscrowCanBeRefunded() {
            fixture.given(requested(), funded(), new EscrowFrozen(ESCROW_ID, "dispute"))
                   .when(new RefundEscrow(ESCROW_ID, nothing, "refund to client"))
                   .expectSuccessfulHandlerExecution();
        }

        private EscrowRefundStarted fullRefundStarted() {
            return new EscrowRefundStarted(ESCROW_ID, JOB_ID, WORKER_ID, TOTAL, nothing, null, "cancelled",
                    List.of(new Posting(ESCROW, TOTAL.amount()), new Posting(REFUND_PAYABLE, -TOTAL.amount())));
        }
    }

    private static PayoutCompleted payoutCompleted() {
        return new PayoutCompleted(ESCROW_ID, JOB_ID, WORKER_ID, PAY, FIRST_PAYOUT, List.of(
                new Posting(WORKER_PAYABLE, PAY.amount()), new Posting(PAYSTACK_BALANCE, -PAY.amount())));
    }

    @Test
    void theFeeSplitAddsUp() {
        org.assertj.core.api.Assertions.assertThat(PAY.amount() + FEE.amount()).isEqualTo(TOTAL.amount());
    }
}
