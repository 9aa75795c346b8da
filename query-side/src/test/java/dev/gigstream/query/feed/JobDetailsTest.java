package dev.gigstream.query.feed;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.dispute.DisputeOutcome;
import dev.gigstream.messages.job.FindJob;
import dev.gigstream.messages.job.JobDisputeSettled;
import dev.gigstream.messages.job.JobDisputeWithdrawn;
import dev.gigstream.messages.job.JobDisputed;
import dev.gigstream.messages.job.JobFunded;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.JobView;
import dev.gigstream.messages.job.WorkerCheckedIn;
import dev.gigstream.messages.job.WorkerCheckedOut;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.query.testsupport.MongoBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.gigstream.query.testsupport.Geo.LAGOS_ISLAND;
import static org.assertj.core.api.Assertions.assertThat;

/** What a job's details tell about its shift and its dispute, beyond the feed's fields. */
class JobDetailsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant SHIFT = T0.plus(Duration.ofDays(1));
    private static final String JOB = "job-1";

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    /** A job posted, hired and funded (sequences 0 to 2), its worker checked in at the shift's start (3). */
    private static JobFeedProjection checkedIn(MongoBackend backend) {
        var projection = new JobFeedProjection(backend.freshDatabase(), new OpenJobIndex());
        projection.on(JobFeedTest.job(JOB, LAGOS_ISLAND, List.of("cook"), SHIFT, T0), 0);
        projection.on(new WorkerHired(JobId.of(JOB), WorkerId.of("worker-1"), "client-1", Money.of(1_000_000, Currency.NGN), EscrowId.of("escrow-1"), SHIFT),
                1, T0.plusSeconds(60));
        projection.on(new JobFunded(JobId.of(JOB), EscrowId.of("escrow-1"), WorkerId.of("worker-1")), 2, T0.plusSeconds(120));
        projection.on(new WorkerCheckedIn(JobId.of(JOB), WorkerId.of("worker-1"), LAGOS_ISLAND, 12.5, SHIFT, new ShiftWindow(SHIFT, SHIFT.plus(Duration.ofHours(6)))),
                3, SHIFT.plusSeconds(1));
        return projection;
    }

    private static JobView details(JobFeedProjection projection) {
        return projection.handle(new FindJob(JOB)).orElseThrow();
    }

    private static List<String> timeline(JobView view) {
        return view.timeline().stream().map(change -> change.status().name()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aJobNotYetWorkedHasNoShiftTimesAndNoDispute(MongoBackend backend) {
        var projection = new JobFeedProjection(backend.freshDatabase(), new OpenJobIndex());
        projection.on(JobFeedTest.job(JOB, LAGOS_ISLAND, List.of("cook"), SHIFT, T0), 0);

        JobView view = details(projection);

        assertThat(view.checkedInAt()).isNull();
        assertThat(view.checkedOutAt()).isNull();
        assertThat(view.checkedOutAutomatically()).isFalse();
        assertThat(view.disputeId()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void theDetailsShowWhenTheWorkerCheckedInAndOut(MongoBackend backend) {
        var projection = checkedIn(backend);
        assertThat(details(projection).checkedInAt()).isEqualTo(SHIFT);
        assertThat(details(projection).checkedOutAt()).isNull();

        Instant out = SHIFT.plus(Duration.ofHours(6));
        projection.on(new WorkerCheckedOut(JobId.of(JOB), WorkerId.of("worker-1"), LAGOS_ISLAND, 8.0, out, false), 4, out.plusSeconds(1));

        JobView view = details(projection);
        assertThat(view.status()).isEqualTo(JobStatus.AWAITING_CONFIRMATION);
        assertThat(view.checkedInAt()).isEqualTo(SHIFT);
        assertThat(view.checkedOutAt()).isEqualTo(out);
        assertThat(view.checkedOutAutomatically()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void anAutomaticCheckOutIsShownAsSuch(MongoBackend backend) {
        var projection = checkedIn(backend);
        Instant shiftEnd = SHIFT.plus(Duration.ofHours(6));

        projection.on(new WorkerCheckedOut(JobId.of(JOB), WorkerId.of("worker-1"), null, 0, shiftEnd, true), 4, shiftEnd.plusSeconds(30));

        assertThat(details(projection).checkedOutAt()).isEqualTo(shiftEnd);
        assertThat(details(projection).checkedOutAutomatically()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aDisputeHoldsTheJobAndItsWithdrawalResumesWhereTheJobWas(MongoBackend backend) {
        var projection = checkedIn(backend);
        Instant at = SHIFT.plus(Duration.ofHours(2));

        projection.on(new JobDisputed(JobId.of(JOB), DisputeId.of("dispute-1"), EscrowId.of("escrow-1"), "client-1"), 4, at);
        assertThat(details(projection).status()).isEqualTo(JobStatus.DISPUTED);
        assertThat(details(projection).disputeId()).isEqualTo("dispute-1");

        projection.on(new JobDisputeWithdrawn(JobId.of(JOB), DisputeId.of("dispute-1"), JobStatus.IN_PROGRESS), 5, at.plusSeconds(600));

        JobView view = details(projection);
        assertThat(view.status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(view.disputeId()).isEqualTo("dispute-1");
        assertThat(view.timeline()).extracting(change -> change.status() + "@" + change.at()).endsWith(
                "DISPUTED@" + at, "IN_PROGRESS@" + at.plusSeconds(600));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aSettledDisputeEndsTheJobInTheStatusTheSettlementDecides(MongoBackend backend) {
        var projection = checkedIn(backend);
        projection.on(new JobDisputed(JobId.of(JOB), DisputeId.of("dispute-1"), EscrowId.of("escrow-1"), "worker-1"), 4, SHIFT.plusSeconds(60));

        projection.on(new JobDisputeSettled(JobId.of(JOB), DisputeId.of("dispute-1"), "client-1", WorkerId.of("worker-1"), DisputeOutcome.SPLIT, JobStatus.COMPLETED), 5,
                SHIFT.plusSeconds(3600));

        assertThat(details(projection).status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(timeline(details(projection))).containsExactly(
                "OPEN", "HIRED", "FUNDED", "IN_PROGRESS", "DISPUTED", "COMPLETED");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aRedeliveredDisputeEventChangesNothing(MongoBackend backend) {
        var projection = checkedIn(backend);
        var disputed = new JobDisputed(JobId.of(JOB), DisputeId.of("dispute-1"), EscrowId.of("escrow-1"), "client-1");
        projection.on(disputed, 4, SHIFT.plusSeconds(60));
        projection.on(new JobDisputeWithdrawn(JobId.of(JOB), DisputeId.of("dispute-1"), JobStatus.IN_PROGRESS), 5, SHIFT.plusSeconds(120));

        projection.on(disputed, 4, SHIFT.plusSeconds(60));

        assertThat(details(projection).status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(timeline(details(projection))).containsExactly(
                "OPEN", "HIRED", "FUNDED", "IN_PROGRESS", "DISPUTED", "IN_PROGRESS");
    }
}
