package dev.gigstream.query.applicants;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.export.FindPersonalData;
import dev.gigstream.messages.job.ApplicationWithdrawn;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobSite;
import dev.gigstream.messages.job.WorkerApplied;
import dev.gigstream.query.rating.BayesianAverage;
import dev.gigstream.query.testsupport.MongoBackend;
import dev.gigstream.query.worker.WorkerProfileProjection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationsExportTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    private static JobPosted posted(String jobId) {
        return new JobPosted(JobId.of(jobId), "client-1", "Barista", "", List.of("barista"),
                new JobSite(new GeoPoint(6.45, 3.39), "Marina", null), new ShiftWindow(T0.plusSeconds(3600), T0.plusSeconds(7200)),
                Money.of(1_000_000, Currency.NGN), T0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void theJobsAWorkerAppliedToAndDidNotWithdrawFrom(MongoBackend backend) {
        var database = backend.freshDatabase();
        var projection = new ApplicantsProjection(database, new WorkerProfileProjection(database, new BayesianAverage(5)));
        var export = new ApplicationsExport(database);
        projection.on(posted("job-1"), 0);
        projection.on(posted("job-2"), 0);
        projection.on(posted("job-3"), 0);
        projection.on(new WorkerApplied(JobId.of("job-1"), WorkerId.of("worker-1"), "I know the espresso machine", T0), 1);
        projection.on(new WorkerApplied(JobId.of("job-2"), WorkerId.of("worker-1"), null, T0), 1);
        projection.on(new WorkerApplied(JobId.of("job-2"), WorkerId.of("worker-2"), null, T0), 2);
        projection.on(new WorkerApplied(JobId.of("job-3"), WorkerId.of("worker-1"), null, T0), 1);
        projection.on(new ApplicationWithdrawn(JobId.of("job-3"), WorkerId.of("worker-1")), 2);

        assertThat(export.handle(new FindPersonalData("worker-1")).items())
                .extracting(FindPersonalData.Applications.Application::jobId).containsExactly("job-1", "job-2");
        assertThat(export.handle(new FindPersonalData("worker-2")).items())
                .extracting(FindPersonalData.Applications.Application::jobId).containsExactly("job-2");
        assertThat(export.handle(new FindPersonalData("client-1")).items()).isEmpty();
    }
}
