package dev.gigstream.query.feed;

import com.mongodb.client.MongoDatabase;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.job.FindJob;
import dev.gigstream.messages.job.JobFunded;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.JobView;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.query.testsupport.Batches;
import dev.gigstream.query.testsupport.MongoBackend;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.gigstream.query.testsupport.Batches.inOneBatch;
import static dev.gigstream.query.testsupport.Geo.LAGOS_ISLAND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job feed written in batches: one read and one bulk write per batch (one per round when the batch
 * writes a document more than once), the same documents as event by event.
 */
class JobFeedBatchTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant SHIFT = T0.plus(Duration.ofDays(1));
    private static final int JOBS = 40;

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    private final Batches.CommandLog log = new Batches.CommandLog();

    private MongoDatabase database(MongoBackend backend) {
        return log.client(backend).getDatabase("test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    /** Each job posted (sequence 0), hired (1) and funded (2): three events per job. */
    private static void postHireAndFund(JobFeedProjection projection, int jobs) {
        for (int i = 0; i < jobs; i++) {
            String job = "job-" + i;
            projection.on(JobFeedTest.job(job, LAGOS_ISLAND, List.of("cook"), SHIFT, T0), 0);
            projection.on(new WorkerHired(JobId.of(job), WorkerId.of("worker-" + i), "client-1", Money.of(1_000_000, Currency.NGN), EscrowId.of("escrow-" + i), SHIFT),
                    1, T0.plusSeconds(60));
            projection.on(new JobFunded(JobId.of(job), EscrowId.of("escrow-" + i), WorkerId.of("worker-" + i)), 2, T0.plusSeconds(120));
        }
    }

    private static JobView details(JobFeedProjection projection, String job) {
        return projection.handle(new FindJob(job)).orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aBatchOfJobsPostedIsOneReadOfTheSequencesAndOneBulkWrite(MongoBackend backend) {
        var readModels = database(backend);
        var projection = new JobFeedProjection(readModels, new OpenJobIndex());
        log.take();

        inOneBatch(() -> {
            for (int i = 0; i < JOBS; i++) {
                projection.on(JobFeedTest.job("job-" + i, LAGOS_ISLAND, List.of("cook"), SHIFT, T0), 0);
            }
            assertThat(readModels.getCollection(JobFeedProjection.COLLECTION).countDocuments())
                    .as("nothing is written before the batch commits").isZero();
            log.take();
        });

        assertThat(log.take()).containsExactly("find jobs", "update jobs");
        assertThat(readModels.getCollection(JobFeedProjection.COLLECTION).countDocuments()).isEqualTo(JOBS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aBatchThatWritesEachDocumentThreeTimesIsThreeBulkWritesHoweverManyDocuments(MongoBackend backend) {
        var readModels = database(backend);
        var projection = new JobFeedProjection(readModels, new OpenJobIndex());
        log.take();

        inOneBatch(() -> postHireAndFund(projection, JOBS));

        assertThat(log.take()).containsExactly("find jobs", "update jobs", "update jobs", "update jobs");
        for (int i = 0; i < JOBS; i++) {
            JobView view = details(projection, "job-" + i);
            assertThat(view.status()).isEqualTo(JobStatus.FUNDED);
            assertThat(view.hiredWorkerId()).isEqualTo("worker-" + i);
            assertThat(view.timeline()).extracting(JobView.StatusChange::status)
                    .containsExactly(JobStatus.OPEN, JobStatus.HIRED, JobStatus.FUNDED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aBatchLeavesTheSameDocumentsAsEventByEvent(MongoBackend backend) {
        var batched = new JobFeedProjection(backend.freshDatabase(), new OpenJobIndex());
        var oneByOne = new JobFeedProjection(backend.freshDatabase(), new OpenJobIndex());

        inOneBatch(() -> postHireAndFund(batched, 5));
        postHireAndFund(oneByOne, 5);

        for (int i = 0; i < 5; i++) {
            assertThat(details(batched, "job-" + i)).isEqualTo(details(oneByOne, "job-" + i));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aRedeliveredBatchChangesNothing(MongoBackend backend) {
        var readModels = backend.freshDatabase();
        var projection = new JobFeedProjection(readModels, new OpenJobIndex());
        inOneBatch(() -> postHireAndFund(projection, 3));
        List<Document> before = readModels.getCollection(JobFeedProjection.COLLECTION).find().into(new java.util.ArrayList<>());

        inOneBatch(() -> postHireAndFund(projection, 3)); // the whole batch again, as after a failed token update
        inOneBatch(() -> postHireAndFund(projection, 4)); // again, with one job more: only that one is new

        assertThat(readModels.getCollection(JobFeedProjection.COLLECTION).find().into(new java.util.ArrayList<>()))
                .hasSize(4).containsAll(before);
        assertThat(details(projection, "job-0").timeline()).hasSize(3);
        assertThat(details(projection, "job-3").timeline()).hasSize(3);
    }
}
