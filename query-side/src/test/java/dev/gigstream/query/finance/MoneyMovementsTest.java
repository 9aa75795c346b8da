package dev.gigstream.query.finance;

import dev.gigstream.messages.admin.FindMoneyMovements;
import dev.gigstream.messages.admin.MoneyMovement;
import dev.gigstream.messages.admin.MoneyMovementKind;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.escrow.ChargebackLost;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowRefunded;
import dev.gigstream.messages.escrow.EscrowReleased;
import dev.gigstream.messages.escrow.PayoutCompleted;
import dev.gigstream.messages.escrow.PayoutFailed;
import dev.gigstream.messages.escrow.Posting;
import dev.gigstream.query.testsupport.MongoBackend;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.gigstream.messages.admin.MoneyMovementKind.FUNDED;
import static dev.gigstream.messages.admin.MoneyMovementKind.PROCESSOR_FEE;
import static dev.gigstream.messages.admin.MoneyMovementKind.REFUNDED;
import static dev.gigstream.messages.admin.MoneyMovementKind.RELEASED;
import static dev.gigstream.messages.admin.MoneyMovementKind.SERVICE_FEE;
import static dev.gigstream.messages.escrow.LedgerAccount.CHARGEBACK_LOSSES;
import static dev.gigstream.messages.escrow.LedgerAccount.ESCROW;
import static dev.gigstream.messages.escrow.LedgerAccount.PAYSTACK_BALANCE;
import static dev.gigstream.messages.escrow.LedgerAccount.PLATFORM_REVENUE;
import static dev.gigstream.messages.escrow.LedgerAccount.PROCESSOR_FEES;
import static dev.gigstream.messages.escrow.LedgerAccount.REFUND_PAYABLE;
import static dev.gigstream.messages.escrow.LedgerAccount.WORKER_PAYABLE;
import static org.assertj.core.api.Assertions.assertThat;

class MoneyMovementsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant LATER = Instant.parse("2027-01-01T00:00:00Z");
    private static final Money PAY = Money.of(1_500_000, Currency.NGN);
    private static final Money FEE = Money.of(150_000, Currency.NGN);
    private static final Money TOTAL = Money.of(1_650_000, Currency.NGN);

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    private static EventMessage<Object> message(String escrowId, long sequence, Object event) {
        return new GenericDomainEventMessage<>("EscrowPayment", escrowId, sequence, event);
    }

    private static EscrowFunded funded(String escrowId) {
        return new EscrowFunded(EscrowId.of(escrowId), JobId.of("job-" + escrowId), TOTAL, Money.of(34_750, TOTAL.currency()), List.of(new Posting(PAYSTACK_BALANCE, 1_615_250),
                new Posting(PROCESSOR_FEES, 34_750), new Posting(ESCROW, -1_650_000)));
    }

    private static void fund(MoneyMovements projection, String escrowId, Instant at) {
        EscrowFunded funded = funded(escrowId);
        projection.on(funded, message(escrowId, 2, funded), at);
    }

    private static void release(MoneyMovements projection, String escrowId, Instant at) {
        var released = new EscrowReleased(EscrowId.of(escrowId), JobId.of("job-" + escrowId), WorkerId.of("worker-1"), PAY, FEE, "gs-pay-" + escrowId + "-1",
                List.of(new Posting(ESCROW, 1_650_000), new Posting(WORKER_PAYABLE, -1_500_000), new Posting(PLATFORM_REVENUE, -150_000)));
        projection.on(released, message(escrowId, 3, released), at);
    }

    private static void payOut(MoneyMovements projection, String escrowId, long sequence, Money amount, Instant at) {
        var paid = new PayoutCompleted(EscrowId.of(escrowId), JobId.of("job-" + escrowId), WorkerId.of("worker-1"), amount, "gs-pay-" + escrowId + "-1",
                List.of(new Posting(WORKER_PAYABLE, amount.amount()), new Posting(PAYSTACK_BALANCE, -amount.amount())));
        projection.on(paid, message(escrowId, sequence, paid), at);
    }

    private static List<MoneyMovement> all(MoneyMovements projection) {
        return projection.handle(FindMoneyMovements.firstPage(T0, LATER, 1_000)).items();
    }

    private static Map<MoneyMovementKind, Long> sums(List<MoneyMovement> rows) {
        return rows.stream().collect(Collectors.groupingBy(MoneyMovement::kind, Collectors.summingLong(m -> m.amount().amount())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aReleasedEscrowMovesThePaymentItsFeesAndThePayout(MongoBackend backend) {
        var projection = new MoneyMovements(backend.freshDatabase());
        fund(projection, "e1", T0);
        release(projection, "e1", T0.plusSeconds(60));
        payOut(projection, "e1", 4, PAY, T0.plusSeconds(120));

        List<MoneyMovement> rows = all(projection);

        assertThat(rows).extracting(MoneyMovement::kind).containsExactly(FUNDED, PROCESSOR_FEE, SERVICE_FEE, RELEASED);
        assertThat(rows).extracting(m -> m.amount().amount()).containsExactly(1_650_000L, 34_750L, 150_000L, 1_500_000L);
        assertThat(rows).extracting(MoneyMovement::reference)
                .containsExactly("gs-esc-e1", "gs-esc-e1", null, "gs-pay-e1-1");
        assertThat(rows).extracting(MoneyMovement::at)
                .containsExactly(T0, T0, T0.plusSeconds(60), T0.plusSeconds(120));
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.escrowId()).isEqualTo("e1");
            assertThat(row.jobId()).isEqualTo("job-e1");
            assertThat(row.amount().currency()).isEqualTo(Currency.NGN);
        });
        Map<MoneyMovementKind, Long> sums = sums(rows);
        assertThat(sums.get(FUNDED)).isEqualTo(sums.get(SERVICE_FEE) + sums.get(RELEASED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aSplitRefundsTheClientAndPaysTheWorkerItsShareWithoutAFee(MongoBackend backend) {
        var projection = new MoneyMovements(backend.freshDatabase());
        fund(projection, "e1", T0);
        Money share = Money.of(600_000, Currency.NGN);
        Money refund = Money.of(1_050_000, Currency.NGN);
        var refunded = new EscrowRefunded(EscrowId.of("e1"), JobId.of("job-e1"), refund, List.of(new Posting(REFUND_PAYABLE, 1_050_000),
                new Posting(PAYSTACK_BALANCE, -1_050_000)));
        // EscrowRefundStarted (sequence 3) moves the money between the escrow's own accounts only: no row
        projection.on(refunded, message("e1", 4, refunded), T0.plusSeconds(120));
        payOut(projection, "e1", 5, share, T0.plusSeconds(180));

        List<MoneyMovement> rows = all(projection);

        assertThat(rows).extracting(MoneyMovement::kind).containsExactly(FUNDED, PROCESSOR_FEE, REFUNDED, RELEASED);
        assertThat(rows).extracting(m -> m.amount().amount()).containsExactly(1_650_000L, 34_750L, 1_050_000L, 600_000L);
        assertThat(rows.get(2).reference()).as("a refund goes by the charge it gives back").isEqualTo("gs-esc-e1");
        Map<MoneyMovementKind, Long> sums = sums(rows);
        assertThat(sums.get(FUNDED)).isEqualTo(sums.get(REFUNDED) + sums.get(RELEASED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aReversedPayoutIsANegativeReleaseAndAPlainFailureMovesNothing(MongoBackend backend) {
        var projection = new MoneyMovements(backend.freshDatabase());
        fund(projection, "e1", T0);
        release(projection, "e1", T0.plusSeconds(60));
        var failed = new PayoutFailed(EscrowId.of("e1"), "gs-pay-e1-1", "account closed", 1, "gs-pay-e1-2", PAY, List.of());
        projection.on(failed, message("e1", 4, failed), T0.plusSeconds(90));
        payOut(projection, "e1", 5, PAY, T0.plusSeconds(120));
        var reversed = new PayoutFailed(EscrowId.of("e1"), "gs-pay-e1-1", "reversed", 2, "gs-pay-e1-3", PAY,
                List.of(new Posting(PAYSTACK_BALANCE, 1_500_000), new Posting(WORKER_PAYABLE, -1_500_000)));
        projection.on(reversed, message("e1", 6, reversed), T0.plusSeconds(180));

        List<MoneyMovement> rows = all(projection);

        assertThat(rows).extracting(MoneyMovement::kind).containsExactly(FUNDED, PROCESSOR_FEE, SERVICE_FEE, RELEASED, RELEASED);
        MoneyMovement reversal = rows.get(4);
        assertThat(reversal.amount()).isEqualTo(Money.of(-1_500_000, Currency.NGN));
        assertThat(reversal.jobId()).as("found from the escrow's earlier movements").isEqualTo("job-e1");
        assertThat(reversal.reference()).isEqualTo("gs-pay-e1-1");
        assertThat(sums(rows).get(RELEASED)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aRedeliveredEventWritesTheSameRowsAgain(MongoBackend backend) {
        var projection = new MoneyMovements(backend.freshDatabase());
        EscrowFunded funded = funded("e1");
        EventMessage<Object> delivery = message("e1", 2, funded);

        projection.on(funded, delivery, T0);
        projection.on(funded, delivery, T0);

        assertThat(all(projection)).extracting(MoneyMovement::kind).containsExactly(FUNDED, PROCESSOR_FEE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aPeriodIncludesItsStartExcludesItsEndAndIsReadPageByPageInOrder(MongoBackend backend) {
        var projection = new MoneyMovements(backend.freshDatabase());
        fund(projection, "before", T0.minusMillis(1));
        for (int i = 0; i < 4; i++) {
            fund(projection, "e" + i, T0.plusSeconds(i / 2)); // two escrows funded at each instant
        }
        fund(projection, "at-end", T0.plusSeconds(2));

        List<MoneyMovement> read = new ArrayList<>();
        FindMoneyMovements query = FindMoneyMovements.firstPage(T0, T0.plusSeconds(2), 3);
        for (List<MoneyMovement> page = projection.handle(query).items(); !page.isEmpty();
             page = projection.handle(query).items()) {
            assertThat(page.size()).isLessThanOrEqualTo(3);
            read.addAll(page);
            query = query.after(page.get(page.size() - 1));
        }

        assertThat(read).hasSize(8).extracting(MoneyMovement::escrowId).doesNotContain("before", "at-end");
        assertThat(read).extracting(MoneyMovement::movementId).doesNotHaveDuplicates();
        assertThat(read).extracting(MoneyMovement::at).isSorted();
        assertThat(read).isEqualTo(all(projection).stream().filter(m -> m.at().isBefore(T0.plusSeconds(2))
                && !m.at().isBefore(T0)).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aResetForgetsEveryMovementForTheReplay(MongoBackend backend) {
        var projection = new MoneyMovements(backend.freshDatabase());
        fund(projection, "e1", T0);

        projection.reset();

        assertThat(all(projection)).isEmpty();
    }

    /** The card network took the charge back after the worker was paid: a movement out of our balance, and the platform's loss. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aChargebackLostAfterTheReleaseIsAChargebackLossRow(MongoBackend backend) {
        var projection = new MoneyMovements(backend.freshDatabase());
        fund(projection, "e1", T0);
        release(projection, "e1", T0.plusSeconds(60));
        payOut(projection, "e1", 4, PAY, T0.plusSeconds(120));
        var lost = new ChargebackLost(EscrowId.of("e1"), JobId.of("job-e1"), "cb-1", TOTAL,
                List.of(new Posting(CHARGEBACK_LOSSES, 1_650_000), new Posting(PAYSTACK_BALANCE, -1_650_000)));
        projection.on(lost, message("e1", 6, lost), T0.plusSeconds(600));

        List<MoneyMovement> rows = all(projection);

        assertThat(rows).extracting(MoneyMovement::kind)
                .containsExactly(FUNDED, PROCESSOR_FEE, SERVICE_FEE, RELEASED, MoneyMovementKind.CHARGEBACK_LOSS);
        MoneyMovement loss = rows.get(4);
        assertThat(loss.amount()).isEqualTo(TOTAL);
        assertThat(loss.jobId()).isEqualTo("job-e1");
        assertThat(loss.reference()).as("the charge the card network took back").isEqualTo("gs-esc-e1");
    }
}
