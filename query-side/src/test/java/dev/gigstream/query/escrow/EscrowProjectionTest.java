package dev.gigstream.query.escrow;

import com.mongodb.client.MongoDatabase;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.escrow.ChargebackLost;
import dev.gigstream.messages.escrow.ChargebackReceived;
import dev.gigstream.messages.escrow.ChargebackResolved;
import dev.gigstream.messages.escrow.CheckoutOpened;
import dev.gigstream.messages.escrow.EscrowFlagCleared;
import dev.gigstream.messages.escrow.EscrowFlaggedForAdmin;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowFundingRequested;
import dev.gigstream.messages.escrow.EscrowKeptFrozen;
import dev.gigstream.messages.escrow.EscrowRefundStarted;
import dev.gigstream.messages.escrow.EscrowRefunded;
import dev.gigstream.messages.escrow.EscrowReleased;
import dev.gigstream.messages.escrow.EscrowSettled;
import dev.gigstream.messages.escrow.EscrowStatus;
import dev.gigstream.messages.escrow.EscrowUnfrozen;
import dev.gigstream.messages.escrow.EscrowView;
import dev.gigstream.messages.escrow.FindEscrow;
import dev.gigstream.messages.escrow.FindFlaggedEscrows;
import dev.gigstream.messages.escrow.FindStaleEscrows;
import dev.gigstream.messages.escrow.FlagCauses;
import dev.gigstream.messages.escrow.PayoutCompleted;
import dev.gigstream.messages.escrow.PayoutFlaggedForAdmin;
import dev.gigstream.messages.escrow.PayoutRetryRequested;
import dev.gigstream.messages.escrow.Posting;
import dev.gigstream.query.testsupport.MongoBackend;
import org.bson.Document;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.gigstream.messages.escrow.LedgerAccount.CHARGEBACK_LOSSES;
import static dev.gigstream.messages.escrow.LedgerAccount.ESCROW;
import static dev.gigstream.messages.escrow.LedgerAccount.PAYSTACK_BALANCE;
import static dev.gigstream.messages.escrow.LedgerAccount.PLATFORM_REVENUE;
import static dev.gigstream.messages.escrow.LedgerAccount.PROCESSOR_FEES;
import static dev.gigstream.messages.escrow.LedgerAccount.REFUND_PAYABLE;
import static dev.gigstream.messages.escrow.LedgerAccount.WORKER_PAYABLE;
import static org.assertj.core.api.Assertions.assertThat;

class EscrowProjectionTest {

    private static final String ESCROW_ID = "0b7e2c1d-7a57-4c0e-9d6f-2f1f4c3a9b10";
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Money PAY = Money.of(1_500_000, Currency.NGN);
    private static final Money FEE = Money.of(150_000, Currency.NGN);
    private static final Money TOTAL = Money.of(1_650_000, Currency.NGN);

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    private static GenericDomainEventMessage<Object> message(Object event, long sequence) {
        return new GenericDomainEventMessage<>("EscrowPayment", ESCROW_ID, sequence, event);
    }

    private static EscrowProjection funded(MongoBackend backend) {
        return funded(backend.freshDatabase());
    }

    private static EscrowProjection funded(MongoDatabase readModels) {
        var projection = new EscrowProjection(readModels);
        projection.on(new EscrowFundingRequested(EscrowId.of(ESCROW_ID), JobId.of("job-1"), "client-1", WorkerId.of("worker-1"), PAY, FEE, TOTAL,
                "gs-esc-" + ESCROW_ID), 0, T0);
        projection.on(new CheckoutOpened(EscrowId.of(ESCROW_ID), "https://checkout.paystack.com/x"), 1, T0);
        var funded = new EscrowFunded(EscrowId.of(ESCROW_ID), JobId.of("job-1"), TOTAL, Money.of(34_750, TOTAL.currency()), List.of(new Posting(PAYSTACK_BALANCE, 1_615_250),
                new Posting(PROCESSOR_FEES, 34_750), new Posting(ESCROW, -1_650_000)));
        projection.on(funded, message(funded, 2), 2, T0.plusSeconds(60));
        return projection;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aReleasedEscrowShowsItsAmountsAndABalancedLedger(MongoBackend backend) {
        var projection = funded(backend);
        var released = new EscrowReleased(EscrowId.of(ESCROW_ID), JobId.of("job-1"), WorkerId.of("worker-1"), PAY, FEE, "gs-pay-" + ESCROW_ID + "-1",
                List.of(new Posting(ESCROW, 1_650_000), new Posting(WORKER_PAYABLE, -1_500_000), new Posting(PLATFORM_REVENUE, -150_000)));
        projection.on(released, message(released, 3), 3, T0.plusSeconds(120));
        var paid = new PayoutCompleted(EscrowId.of(ESCROW_ID), JobId.of("job-1"), WorkerId.of("worker-1"), PAY, "gs-pay-" + ESCROW_ID + "-1",
                List.of(new Posting(WORKER_PAYABLE, 1_500_000), new Posting(PAYSTACK_BALANCE, -1_500_000)));
        projection.on(paid, message(paid, 4), 4, T0.plusSeconds(180));
        projection.on(new EscrowSettled(EscrowId.of(ESCROW_ID), JobId.of("job-1"), EscrowStatus.RELEASED), 5, T0.plusSeconds(180));

        EscrowView view = projection.handle(new FindEscrow(ESCROW_ID)).orElseThrow();

        assertThat(view.status()).isEqualTo(EscrowStatus.RELEASED);
        assertThat(view.amount()).isEqualTo(PAY);
        assertThat(view.serviceFee()).isEqualTo(FEE);
        assertThat(view.total()).isEqualTo(TOTAL);
        assertThat(view.funded()).isEqualTo(TOTAL);
        assertThat(view.released()).isEqualTo(PAY);
        assertThat(view.refunded().amount()).isZero();
        assertThat(view.authorizationUrl()).isEqualTo("https://checkout.paystack.com/x");
        assertThat(view.pendingPayoutReference()).isNull();
        assertThat(view.ledger()).hasSize(8);
        Map<String, Long> sumPerEvent = view.ledger().stream().collect(Collectors.groupingBy(
                e -> e.entryId().substring(0, e.entryId().lastIndexOf('-')), Collectors.summingLong(EscrowView.LedgerEntry::amount)));
        assertThat(sumPerEvent.values()).containsOnly(0L);
        assertThat(view.ledger()).extracting(EscrowView.LedgerEntry::eventType).contains("EscrowFunded", "EscrowReleased", "PayoutCompleted");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aSplitShowsTheRefundAndTheWorkersShare(MongoBackend backend) {
        var projection = funded(backend);
        Money share = Money.of(750_000, Currency.NGN);
        Money refund = Money.of(900_000, Currency.NGN);
        var started = new EscrowRefundStarted(EscrowId.of(ESCROW_ID), JobId.of("job-1"), WorkerId.of("worker-1"), refund, share, "gs-pay-" + ESCROW_ID + "-1",
                "late cancellation", List.of(new Posting(ESCROW, 1_650_000), new Posting(REFUND_PAYABLE, -900_000),
                new Posting(WORKER_PAYABLE, -750_000)));
        projection.on(started, message(started, 3), 3, T0.plusSeconds(120));
        assertThat(projection.handle(new FindEscrow(ESCROW_ID)).orElseThrow().status()).isEqualTo(EscrowStatus.REFUNDING);

        var refunded = new EscrowRefunded(EscrowId.of(ESCROW_ID), JobId.of("job-1"), refund, List.of(new Posting(REFUND_PAYABLE, 900_000),
                new Posting(PAYSTACK_BALANCE, -900_000)));
        projection.on(refunded, message(refunded, 4), 4, T0.plusSeconds(180));
        assertThat(projection.handle(new FindEscrow(ESCROW_ID)).orElseThrow().status()).isEqualTo(EscrowStatus.REFUNDING);
        var paid = new PayoutCompleted(EscrowId.of(ESCROW_ID), JobId.of("job-1"), WorkerId.of("worker-1"), share, "gs-pay-" + ESCROW_ID + "-1",
                List.of(new Posting(WORKER_PAYABLE, 750_000), new Posting(PAYSTACK_BALANCE, -750_000)));
        projection.on(paid, message(paid, 5), 5, T0.plusSeconds(240));
        assertThat(projection.handle(new FindEscrow(ESCROW_ID)).orElseThrow().status()).isEqualTo(EscrowStatus.REFUNDING);
        projection.on(new EscrowSettled(EscrowId.of(ESCROW_ID), JobId.of("job-1"), EscrowStatus.SPLIT), 6, T0.plusSeconds(240));

        EscrowView view = projection.handle(new FindEscrow(ESCROW_ID)).orElseThrow();
        assertThat(view.status()).isEqualTo(EscrowStatus.SPLIT);
        assertThat(view.refunded()).isEqualTo(refund);
        assertThat(view.released()).isEqualTo(share);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void theSweepFindsUnpaidChargesAndUnconfirmedPayoutsOlderThanItsCutOff(MongoBackend backend) {
        var projection = new EscrowProjection(backend.freshDatabase());
        projection.on(new EscrowFundingRequested(EscrowId.of(ESCROW_ID), JobId.of("job-1"), "client-1", WorkerId.of("worker-1"), PAY, FEE, TOTAL,
                "gs-esc-" + ESCROW_ID), 0, T0);

        assertThat(projection.handle(new FindStaleEscrows(T0.plusSeconds(1), 10)).items()).extracting(EscrowView::escrowId)
                .containsExactly(ESCROW_ID);
        assertThat(projection.handle(new FindStaleEscrows(T0, 10)).items()).isEmpty();
        assertThat(projection.handle(new FindEscrow("nope"))).isEmpty();
    }

    private static void requested(EscrowProjection projection, String escrowId, Instant at) {
        projection.on(new EscrowFundingRequested(EscrowId.of(escrowId), JobId.of("job-" + escrowId), "client-1", WorkerId.of("worker-1"), PAY, FEE, TOTAL,
                "gs-esc-" + escrowId), 0, at);
    }

    private static List<String> flagged(EscrowProjection projection, int limit) {
        return projection.handle(new FindFlaggedEscrows(limit)).items().stream()
                .map(view -> view.escrowId() + ":" + String.join(",", view.flags()))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void flaggedEscrowsAreListedOldestFirstWithTheirReasonsUntilTheirPayoutIsRetried(MongoBackend backend) {
        var projection = new EscrowProjection(backend.freshDatabase());
        requested(projection, "recent", T0);
        requested(projection, "older", T0);
        requested(projection, "unflagged", T0);
        projection.on(new EscrowFlaggedForAdmin(EscrowId.of("older"), JobId.of("job-older"), "chargeback after the release"), 1, T0.plusSeconds(60));
        projection.on(new PayoutFlaggedForAdmin(EscrowId.of("older"), JobId.of("job-older"), "gs-pay-older-4", "payout failed 3 times"), 2,
                T0.plusSeconds(70));
        projection.on(new EscrowFlaggedForAdmin(EscrowId.of("recent"), JobId.of("job-recent"), "money after cancellation"), 1, T0.plusSeconds(120));

        assertThat(flagged(projection, 10)).containsExactly(
                "older:chargeback after the release,payout failed 3 times", "recent:money after cancellation");
        assertThat(flagged(projection, 1)).containsExactly("older:chargeback after the release,payout failed 3 times");

        projection.on(new PayoutRetryRequested(EscrowId.of("older"), JobId.of("job-older"), WorkerId.of("worker-1"), "gs-pay-older-4", PAY, "admin-1"), 3,
                T0.plusSeconds(180));

        assertThat(flagged(projection, 10)).as("only the payout's flag goes")
                .containsExactly("recent:money after cancellation", "older:chargeback after the release");
        EscrowView retried = projection.handle(new FindEscrow("older")).orElseThrow();
        assertThat(retried.pendingPayoutReference()).isEqualTo("gs-pay-older-4");
        assertThat(retried.updatedAt()).isEqualTo(T0.plusSeconds(180));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aStuckPayoutThatGoesThroughAfterAllLeavesTheList(MongoBackend backend) {
        var projection = funded(backend);
        var released = new EscrowReleased(EscrowId.of(ESCROW_ID), JobId.of("job-1"), WorkerId.of("worker-1"), PAY, FEE, "gs-pay-" + ESCROW_ID + "-1",
                List.of(new Posting(ESCROW, 1_650_000), new Posting(WORKER_PAYABLE, -1_500_000), new Posting(PLATFORM_REVENUE, -150_000)));
        projection.on(released, message(released, 3), 3, T0.plusSeconds(120));
        projection.on(new PayoutFlaggedForAdmin(EscrowId.of(ESCROW_ID), JobId.of("job-1"), "gs-pay-" + ESCROW_ID + "-1", "OTP required"), 4,
                T0.plusSeconds(130));
        assertThat(flagged(projection, 10)).containsExactly(ESCROW_ID + ":OTP required");

        var paid = new PayoutCompleted(EscrowId.of(ESCROW_ID), JobId.of("job-1"), WorkerId.of("worker-1"), PAY, "gs-pay-" + ESCROW_ID + "-1",
                List.of(new Posting(WORKER_PAYABLE, 1_500_000), new Posting(PAYSTACK_BALANCE, -1_500_000)));
        projection.on(paid, message(paid, 5), 5, T0.plusSeconds(180));

        assertThat(flagged(projection, 10)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void chargebacksAreRecordedWithTheirResolution(MongoBackend backend) {
        var readModels = backend.freshDatabase();
        var projection = funded(readModels);

        projection.on(new ChargebackReceived(EscrowId.of(ESCROW_ID), JobId.of("job-1"), "client-1", "cb-1", "fraudulent", true, T0.plusSeconds(600)),
                3, T0.plusSeconds(601));
        projection.on(new ChargebackReceived(EscrowId.of(ESCROW_ID), JobId.of("job-1"), "client-1", "cb-2", "duplicate", true, T0.plusSeconds(700)),
                4, T0.plusSeconds(701));
        projection.on(new ChargebackResolved(EscrowId.of(ESCROW_ID), JobId.of("job-1"), "cb-1", "declined"), 5, T0.plusSeconds(800));
        projection.on(new ChargebackResolved(EscrowId.of(ESCROW_ID), JobId.of("job-1"), "cb-1", "declined"), 5, T0.plusSeconds(800));

        Document escrow = readModels.getCollection(EscrowProjection.COLLECTION).find(new Document("_id", ESCROW_ID)).first();
        assertThat(escrow.getList("chargebacks", Document.class))
                .extracting(c -> c.getString("id") + ":" + c.getString("reason") + ":" + c.getString("resolution"))
                .containsExactly("cb-1:fraudulent:declined", "cb-2:duplicate:null");
        assertThat(projection.handle(new FindEscrow(ESCROW_ID)).orElseThrow().updatedAt()).isEqualTo(T0.plusSeconds(800));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aChargebackOnTheHeldMoneyShowsTheEscrowFrozenAndFlaggedUntilTheFlagIsClearedAndTheEscrowUnfrozen(MongoBackend backend) {
        var projection = funded(backend);
        String reason = "chargeback cb-1 on the money the escrow holds: it stays frozen until Paystack resolves the chargeback";
        projection.on(new ChargebackReceived(EscrowId.of(ESCROW_ID), JobId.of("job-1"), "client-1", "cb-1", "fraudulent", true, T0.plusSeconds(600)),
                3, T0.plusSeconds(601));
        projection.on(new EscrowFlaggedForAdmin(EscrowId.of(ESCROW_ID), JobId.of("job-1"), reason, FlagCauses.chargeback("cb-1")), 4, T0.plusSeconds(601));
        projection.on(new EscrowKeptFrozen(EscrowId.of(ESCROW_ID), JobId.of("job-1"), "dispute withdrawn", "cb-1"), 5, T0.plusSeconds(700));

        assertThat(projection.handle(new FindEscrow(ESCROW_ID)).orElseThrow().status()).isEqualTo(EscrowStatus.FROZEN);
        assertThat(flagged(projection, 10)).containsExactly(ESCROW_ID + ":" + reason);

        projection.on(new ChargebackResolved(EscrowId.of(ESCROW_ID), JobId.of("job-1"), "cb-1", "declined"), 6, T0.plusSeconds(800));
        projection.on(new EscrowFlagCleared(EscrowId.of(ESCROW_ID), JobId.of("job-1"), reason, FlagCauses.chargeback("cb-1")), 7, T0.plusSeconds(800));
        projection.on(new EscrowUnfrozen(EscrowId.of(ESCROW_ID), "chargeback cb-1 resolved in the platform's favour"), 8, T0.plusSeconds(800));

        assertThat(flagged(projection, 10)).isEmpty();
        assertThat(projection.handle(new FindEscrow(ESCROW_ID)).orElseThrow().status()).isEqualTo(EscrowStatus.FUNDED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aPaymentConfirmedAfterAnOpenChargebackShowsTheEscrowFrozen(MongoBackend backend) {
        var projection = new EscrowProjection(backend.freshDatabase());
        projection.on(new EscrowFundingRequested(EscrowId.of(ESCROW_ID), JobId.of("job-1"), "client-1", WorkerId.of("worker-1"), PAY, FEE, TOTAL,
                "gs-esc-" + ESCROW_ID), 0, T0);
        projection.on(new ChargebackReceived(EscrowId.of(ESCROW_ID), JobId.of("job-1"), "client-1", "cb-1", "fraudulent", false, T0.plusSeconds(10)),
                1, T0.plusSeconds(10));
        var funded = new EscrowFunded(EscrowId.of(ESCROW_ID), JobId.of("job-1"), TOTAL, Money.of(34_750, TOTAL.currency()), List.of(new Posting(PAYSTACK_BALANCE, 1_615_250),
                new Posting(PROCESSOR_FEES, 34_750), new Posting(ESCROW, -1_650_000)));
        projection.on(funded, message(funded, 2), 2, T0.plusSeconds(60));

        assertThat(projection.handle(new FindEscrow(ESCROW_ID)).orElseThrow().status()).isEqualTo(EscrowStatus.FROZEN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aRefundFlagLeavesTheListWhenTheRefundIsProcessedAndOtherFlagsStay(MongoBackend backend) {
        var projection = funded(backend);
        String refused = "Paystack refused the refund of 900000 NGN: Transaction has been fully reversed";
        projection.on(new EscrowFlaggedForAdmin(EscrowId.of(ESCROW_ID), JobId.of("job-1"), refused, FlagCauses.REFUND), 3, T0.plusSeconds(600));
        projection.on(new EscrowFlaggedForAdmin(EscrowId.of(ESCROW_ID), JobId.of("job-1"), "look at this"), 4, T0.plusSeconds(601));

        projection.on(new EscrowFlagCleared(EscrowId.of(ESCROW_ID), JobId.of("job-1"), refused, FlagCauses.REFUND), 5, T0.plusSeconds(700));

        assertThat(flagged(projection, 10)).containsExactly(ESCROW_ID + ":look at this");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aChargebackLostAfterTheReleaseIsALossInTheEscrowsBalancedLedger(MongoBackend backend) {
        var projection = funded(backend);
        var released = new EscrowReleased(EscrowId.of(ESCROW_ID), JobId.of("job-1"), WorkerId.of("worker-1"), PAY, FEE, "gs-pay-" + ESCROW_ID + "-1",
                List.of(new Posting(ESCROW, 1_650_000), new Posting(WORKER_PAYABLE, -1_500_000), new Posting(PLATFORM_REVENUE, -150_000)));
        projection.on(released, message(released, 3), 3, T0.plusSeconds(120));
        var lost = new ChargebackLost(EscrowId.of(ESCROW_ID), JobId.of("job-1"), "cb-1", TOTAL,
                List.of(new Posting(CHARGEBACK_LOSSES, 1_650_000), new Posting(PAYSTACK_BALANCE, -1_650_000)));
        projection.on(lost, message(lost, 4), 4, T0.plusSeconds(900));

        EscrowView view = projection.handle(new FindEscrow(ESCROW_ID)).orElseThrow();

        assertThat(view.ledger()).filteredOn(e -> e.eventType().equals("ChargebackLost"))
                .extracting(e -> e.account() + " " + e.amount())
                .containsExactly("CHARGEBACK_LOSSES 1650000", "PAYSTACK_BALANCE -1650000");
        assertThat(view.ledger().stream().mapToLong(EscrowView.LedgerEntry::amount).sum()).isZero();
        assertThat(view.updatedAt()).isEqualTo(T0.plusSeconds(900));
    }
}
