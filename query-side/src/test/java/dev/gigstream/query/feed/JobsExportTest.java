package dev.gigstream.query.feed;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.export.FindPersonalData;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobSite;
import dev.gigstream.messages.job.JobView;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.query.testsupport.MongoBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JobsExportTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final GeoPoint SITE = new GeoPoint(6.45, 3.39);

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    private static JobPosted posted(String jobId, String clientId, Instant at) {
        return new JobPosted(JobId.of(jobId), clientId, "Barista " + jobId, "Ring Ngozi on 0803 000 0000", List.of("barista"),
                new JobSite(SITE, "Marina"), new ShiftWindow(at.plus(Duration.ofDays(1)), at.plus(Duration.ofDays(1).plusHours(6))),
                Money.of(1_000_000, Currency.NGN), at);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aClientHasTheJobsTheyPostedAndAWorkerThoseTheyWereHiredForWithoutTheClientsText(MongoBackend backend) {
        var database = backend.freshDatabase();
        var projection = new JobFeedProjection(database, new OpenJobIndex());
        var export = new JobsExport(database);
        projection.on(posted("job-2", "client-1", T0.plusSeconds(60)), 0);
        projection.on(posted("job-1", "client-1", T0), 0);
        projection.on(posted("job-3", "client-2", T0), 0);
        projection.on(new WorkerHired(JobId.of("job-1"), WorkerId.of("worker-1"), "client-1", Money.of(1_000_000, Currency.NGN),
                EscrowId.of("escrow-1"), T0.plus(Duration.ofDays(1))), 1, T0.plusSeconds(120));

        FindPersonalData.Jobs client = export.handle(new FindPersonalData("client-1"));
        assertThat(client.posted()).extracting(JobView::jobId).containsExactly("job-1", "job-2");
        assertThat(client.posted()).extracting(JobView::description).containsOnly("Ring Ngozi on 0803 000 0000");
        assertThat(client.hired()).isEmpty();

        FindPersonalData.Jobs worker = export.handle(new FindPersonalData("worker-1"));
        assertThat(worker.posted()).isEmpty();
        assertThat(worker.hired()).extracting(JobView::jobId).containsExactly("job-1");
        JobView hired = worker.hired().get(0);
        assertThat(hired.description()).as("the client's text").isNull();
        assertThat(hired.title()).isEqualTo("Barista job-1");
        assertThat(hired.clientId()).isEqualTo("client-1");
        assertThat(hired.hiredWorkerId()).isEqualTo("worker-1");
        assertThat(hired.escrowId()).isEqualTo("escrow-1");

        assertThat(export.handle(new FindPersonalData("nobody"))).isEqualTo(new FindPersonalData.Jobs(List.of(), List.of()));
    }
}
