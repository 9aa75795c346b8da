package dev.gigstream.query.stats;

import dev.gigstream.messages.admin.AdminStatsView;
import dev.gigstream.messages.admin.FindAdminStats;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.dispute.DisputeOpened;
import dev.gigstream.messages.dispute.DisputeOutcome;
import dev.gigstream.messages.dispute.DisputeParty;
import dev.gigstream.messages.dispute.DisputeResolved;
import dev.gigstream.messages.dispute.DisputeWithdrawn;
import dev.gigstream.messages.escrow.ChargebackLost;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowRefundStarted;
import dev.gigstream.messages.escrow.EscrowRefunded;
import dev.gigstream.messages.escrow.EscrowReleased;
import dev.gigstream.messages.escrow.PayoutCompleted;
import dev.gigstream.messages.escrow.PayoutFailed;
import dev.gigstream.messages.escrow.Posting;
import dev.gigstream.messages.job.JobCancelled;
import dev.gigstream.messages.job.JobDisputeWithdrawn;
import dev.gigstream.messages.job.JobDisputed;
import dev.gigstream.messages.job.JobFunded;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobSite;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.messages.worker.WorkerReinstated;
import dev.gigstream.messages.worker.WorkerSuspended;
import dev.gigstream.messages.worker.WorkerWentOnline;
import dev.gigstream.query.testsupport.MongoBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.gigstream.messages.escrow.LedgerAccount.ESCROW;
import static dev.gigstream.messages.escrow.LedgerAccount.PAYSTACK_BALANCE;
import static dev.gigstream.messages.escrow.LedgerAccount.PLATFORM_REVENUE;
import static dev.gigstream.messages.escrow.LedgerAccount.PROCESSOR_FEES;
import static dev.gigstream.messages.escrow.LedgerAccount.REFUND_PAYABLE;
import static dev.gigstream.messages.escrow.LedgerAccount.WORKER_PAYABLE;
import static org.assertj.core.api.Assertions.assertThat;

class AdminStatsProjectionTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final Money PAY = Money.of(1_500_000, Currency.NGN);
    private static final Money TOTAL = Money.of(1_650_000, Currency.NGN);
    private static final Money GHS_TOTAL = Money.of(33_000, Currency.GHS);

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    private static AdminStatsView stats(AdminStatsProjection projection) {
        return projection.handle(FindAdminStats.asOf(NOW));
    }

    private static JobPosted posted(String jobId) {
        return new JobPosted(JobId.of(jobId), "client-1", "Barista", "Espresso bar", List.of("barista"),
                new JobSite(new GeoPoint(6.4541, 3.3947), "1 Marina, Lagos"),
                new ShiftWindow(NOW.plusSeconds(3_600), NOW.plusSeconds(8 * 3_600)), PAY, NOW);
    }

    private static EscrowFunded funded(String escrowId, Money total, long processorFee) {
        return new EscrowFunded(EscrowId.of(escrowId), JobId.of("job-" + escrowId), total, Money.of(processorFee, total.currency()), List.of(
                new Posting(PAYSTACK_BALANCE, total.amount() - processorFee), new Posting(PROCESSOR_FEES, processorFee),
                new Posting(ESCROW, -total.amount())));
    }

    private static EscrowReleased released(String escrowId) {
        return new EscrowReleased(EscrowId.of(escrowId), JobId.of("job-" + escrowId), WorkerId.of("worker-1"), PAY, Money.of(150_000, Currency.NGN),
                "gs-pay-" + escrowId + "-1", List.of(new Posting(ESCROW, 1_650_000), new Posting(WORKER_PAYABLE, -1_500_000),
                new Posting(PLATFORM_REVENUE, -150_000)));
    }

    private static PayoutCompleted paidOut(String escrowId, long amount) {
        return new PayoutCompleted(EscrowId.of(escrowId), JobId.of("job-" + escrowId), WorkerId.of("worker-1"), Money.of(amount, Currency.NGN),
                "gs-pay-" + escrowId + "-1", List.of(new Posting(WORKER_PAYABLE, amount), new Posting(PAYSTACK_BALANCE, -amount)));
    }

    private static DisputeOpened disputeOpened(String disputeId) {
        return new DisputeOpened(DisputeId.of(disputeId), JobId.of("job-1"), EscrowId.of("escrow-1"), "client-1", WorkerId.of("worker-1"), "client-1", DisputeParty.CLIENT,
                "no-show", "The worker left", PAY, TOTAL, NOW, NOW.plus(Duration.ofHours(72)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void everyJobCountsOnceUnderItsLatestStatus(MongoBackend backend) {
        var projection = new AdminStatsProjection(backend.freshDatabase());
        projection.on(posted("j1"), 0);
        projection.on(posted("j2"), 0);
        projection.on(posted("j3"), 0);
        projection.on(new WorkerHired(JobId.of("j2"), WorkerId.of("worker-1"), "client-1", PAY, EscrowId.of("e2"), NOW), 1);
        projection.on(new JobFunded(JobId.of("j2"), EscrowId.of("e2"), WorkerId.of("worker-1")), 2);
        projection.on(new JobDisputed(JobId.of("j2"), DisputeId.of("d2"), EscrowId.of("e2"), "client-1"), 3);
        projection.on(new JobDisputeWithdrawn(JobId.of("j2"), DisputeId.of("d2"), JobStatus.FUNDED), 4);
        projection.on(new JobCancelled(JobId.of("j3"), "client-1", "called off", null, null), 1);

        assertThat(stats(projection).jobsByStatus())
                .containsEntry(JobStatus.OPEN, 1L)
                .containsEntry(JobStatus.FUNDED, 1L)
                .containsEntry(JobStatus.CANCELLED, 1L)
                .containsEntry(JobStatus.DISPUTED, 0L)
                .containsEntry(JobStatus.HIRED, 0L)
                .hasSize(JobStatus.values().length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aRedeliveredEventCountsOnce(MongoBackend backend) {
        var projection = new AdminStatsProjection(backend.freshDatabase());
        projection.on(posted("j1"), 0);
        projection.on(funded("e1", TOTAL, 34_750), 2);
        projection.on(released("e1"), 3);
        projection.on(disputeOpened("d1"), 0);
        projection.on(new WorkerWentOnline(WorkerId.of("w1"), NOW.minusSeconds(60)), 3);
        AdminStatsView once = stats(projection);

        projection.on(posted("j1"), 0);
        projection.on(funded("e1", TOTAL, 34_750), 2);
        projection.on(released("e1"), 3);
        projection.on(disputeOpened("d1"), 0);
        projection.on(new WorkerWentOnline(WorkerId.of("w1"), NOW.minusSeconds(60)), 3);
        projection.on(funded("e1", TOTAL, 34_750), 2); // an older event arriving late changes nothing either

        assertThat(stats(projection)).isEqualTo(once);
        assertThat(once.jobsByStatus()).containsEntry(JobStatus.OPEN, 1L);
        assertThat(once.grossVolume()).contains(TOTAL);
        assertThat(once.feesEarned()).contains(Money.of(150_000, Currency.NGN));
        assertThat(once.openDisputes()).isEqualTo(1);
        assertThat(once.activeWorkers()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void moneyIsHeldUntilItIsPaidOutOrRefundedAndKeptApartPerCurrency(MongoBackend backend) {
        var projection = new AdminStatsProjection(backend.freshDatabase());
        assertThat(stats(projection).escrowHeld()).containsExactly(Money.zero(Currency.NGN), Money.zero(Currency.GHS));

        projection.on(funded("e1", TOTAL, 34_750), 2);
        projection.on(funded("e2", GHS_TOTAL, 650), 2);
        assertThat(stats(projection).escrowHeld()).containsExactly(TOTAL, GHS_TOTAL);

        projection.on(released("e1"), 3);
        assertThat(stats(projection).escrowHeld()).as("the worker's pay is held until transferred")
                .containsExactly(PAY, GHS_TOTAL);
        projection.on(paidOut("e1", 1_500_000), 4);
        assertThat(stats(projection).escrowHeld()).containsExactly(Money.zero(Currency.NGN), GHS_TOTAL);
        projection.on(new PayoutFailed(EscrowId.of("e1"), "gs-pay-e1-1", "reversed", 1, "gs-pay-e1-2", PAY,
                List.of(new Posting(PAYSTACK_BALANCE, 1_500_000), new Posting(WORKER_PAYABLE, -1_500_000))), 5);
        assertThat(stats(projection).escrowHeld()).as("a reversed transfer is owed again").containsExactly(PAY, GHS_TOTAL);

        projection.on(new EscrowRefundStarted(EscrowId.of("e2"), JobId.of("job-e2"), WorkerId.of("worker-1"), GHS_TOTAL, Money.zero(Currency.GHS), null,
                "cancelled", List.of(new Posting(ESCROW, 33_000), new Posting(REFUND_PAYABLE, -33_000))), 3);
        assertThat(stats(projection).escrowHeld()).containsExactly(PAY, GHS_TOTAL);
        projection.on(new EscrowRefunded(EscrowId.of("e2"), JobId.of("job-e2"), GHS_TOTAL, List.of(new Posting(REFUND_PAYABLE, 33_000),
                new Posting(PAYSTACK_BALANCE, -33_000))), 4);

        AdminStatsView stats = stats(projection);
        assertThat(stats.escrowHeld()).containsExactly(PAY, Money.zero(Currency.GHS));
        assertThat(stats.grossVolume()).containsExactly(TOTAL, GHS_TOTAL);
        assertThat(stats.feesEarned()).as("a refund earns no fee")
                .containsExactly(Money.of(150_000, Currency.NGN), Money.zero(Currency.GHS));
    }

    /** The card network took the held money back to the client: the escrow no longer holds it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aChargebackLostWhileTheMoneyWasHeldLeavesNothingHeld(MongoBackend backend) {
        var projection = new AdminStatsProjection(backend.freshDatabase());
        projection.on(funded("e1", TOTAL, 34_750), 2);

        projection.on(new ChargebackLost(EscrowId.of("e1"), JobId.of("job-e1"), "cb-1", TOTAL,
                List.of(new Posting(ESCROW, TOTAL.amount()), new Posting(PAYSTACK_BALANCE, -TOTAL.amount()))), 5);

        assertThat(stats(projection).escrowHeld()).containsExactly(Money.zero(Currency.NGN), Money.zero(Currency.GHS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void openDisputesAreThoseNeitherResolvedNorWithdrawn(MongoBackend backend) {
        var projection = new AdminStatsProjection(backend.freshDatabase());
        projection.on(disputeOpened("d1"), 0);
        projection.on(disputeOpened("d2"), 0);
        projection.on(disputeOpened("d3"), 0);
        projection.on(new DisputeResolved(DisputeId.of("d1"), JobId.of("job-1"), EscrowId.of("escrow-1"), "client-1", WorkerId.of("worker-1"), DisputeOutcome.SPLIT,
                Money.of(500_000, Currency.NGN), Money.of(1_150_000, Currency.NGN), "half", "admin-1", NOW), 1);
        projection.on(new DisputeWithdrawn(DisputeId.of("d2"), JobId.of("job-1"), EscrowId.of("escrow-1"), "client-1", NOW), 1);

        assertThat(stats(projection).openDisputes()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void activeWorkersWereOnlineWithinThirtyDaysAndAreNotSuspended(MongoBackend backend) {
        var projection = new AdminStatsProjection(backend.freshDatabase());
        projection.on(new WorkerWentOnline(WorkerId.of("recent"), NOW.minus(Duration.ofDays(29))), 3);
        projection.on(new WorkerWentOnline(WorkerId.of("long-gone"), NOW.minus(Duration.ofDays(31))), 3);
        projection.on(new WorkerWentOnline(WorkerId.of("suspended"), NOW.minusSeconds(60)), 3);
        projection.on(new WorkerSuspended(WorkerId.of("suspended"), "abuse", "admin-1"), 4);
        projection.on(new WorkerWentOnline(WorkerId.of("reinstated"), NOW.minusSeconds(60)), 3);
        projection.on(new WorkerSuspended(WorkerId.of("reinstated"), "abuse", "admin-1"), 4);
        projection.on(new WorkerReinstated(WorkerId.of("reinstated"), "appeal upheld", "admin-1"), 5);

        assertThat(stats(projection).activeWorkers()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aResetForgetsEverythingForTheReplay(MongoBackend backend) {
        var projection = new AdminStatsProjection(backend.freshDatabase());
        projection.on(posted("j1"), 0);
        projection.on(funded("e1", TOTAL, 34_750), 2);
        projection.on(disputeOpened("d1"), 0);
        projection.on(new WorkerWentOnline(WorkerId.of("w1"), NOW), 3);

        projection.reset();

        AdminStatsView stats = stats(projection);
        assertThat(stats.jobsByStatus().values()).containsOnly(0L);
        assertThat(stats.grossVolume()).containsExactly(Money.zero(Currency.NGN), Money.zero(Currency.GHS));
        assertThat(stats.openDisputes()).isZero();
        assertThat(stats.activeWorkers()).isZero();
        projection.on(posted("j1"), 0);
        assertThat(stats(projection).jobsByStatus()).as("replayed from the start").containsEntry(JobStatus.OPEN, 1L);
    }
}
