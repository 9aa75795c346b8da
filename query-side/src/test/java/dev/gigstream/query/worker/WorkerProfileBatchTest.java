package dev.gigstream.query.worker;

import com.mongodb.client.MongoDatabase;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.job.JobCompleted;
import dev.gigstream.messages.job.WorkerCheckedIn;
import dev.gigstream.messages.rating.RaterRole;
import dev.gigstream.messages.rating.RatingsRevealed;
import dev.gigstream.messages.worker.AvailabilityWindow;
import dev.gigstream.messages.worker.FindWorkerProfile;
import dev.gigstream.messages.worker.PayoutAccount;
import dev.gigstream.messages.worker.WorkerProfileUpdated;
import dev.gigstream.messages.worker.WorkerProfileView;
import dev.gigstream.messages.worker.WorkerRegistered;
import dev.gigstream.messages.worker.WorkerWentOnline;
import dev.gigstream.query.rating.BayesianAverage;
import dev.gigstream.query.testsupport.Batches;
import dev.gigstream.query.testsupport.MongoBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static dev.gigstream.query.testsupport.Batches.inOneBatch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Worker profiles written in batches: the workers' own events are one bulk write per round, a finished
 * shift and a revealed rating count once, and the profiles equal those of event by event.
 */
class WorkerProfileBatchTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final int WORKERS = 30;

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    private final Batches.CommandLog log = new Batches.CommandLog();

    private MongoDatabase database(MongoBackend backend) {
        return log.client(backend).getDatabase("test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    private static String worker(int i) {
        return "worker-" + i;
    }

    /** Each worker registered (0), their profile filled in (1), online (2). */
    private static void signUp(WorkerProfileProjection projection, int workers) {
        for (int i = 0; i < workers; i++) {
            projection.on(new WorkerRegistered(WorkerId.of(worker(i)), "Worker " + i), 0);
            projection.on(new WorkerProfileUpdated(WorkerId.of(worker(i)), List.of("barista"), "Barista", new GeoPoint(6.5, 3.37),
                    List.of(new AvailabilityWindow(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(18, 0))),
                    new PayoutAccount("058", "0123456789", "Worker " + i)), 1);
            projection.on(new WorkerWentOnline(WorkerId.of(worker(i)), T0.plusSeconds(i)), 2);
        }
    }

    /** Each worker's shift checked in 20 minutes late, completed, and rated by the client; the job's events go 0, 1, 2. */
    private static void work(WorkerProfileProjection projection, int workers) {
        ShiftWindow shift = new ShiftWindow(T0, T0.plus(Duration.ofHours(6)));
        for (int i = 0; i < workers; i++) {
            String job = "job-" + i;
            projection.on(new WorkerCheckedIn(JobId.of(job), WorkerId.of(worker(i)), new GeoPoint(6.5, 3.37), 5, T0.plus(Duration.ofMinutes(20)), shift), 1);
            projection.on(new JobCompleted(JobId.of(job), WorkerId.of(worker(i))), 2, T0.plus(Duration.ofHours(7)));
            projection.on(new RatingsRevealed("ratings-" + job, JobId.of(job), List.of(new RatingsRevealed.Rating("client-1", RaterRole.CLIENT,
                    worker(i), 4 + i % 2, "", T0.plus(Duration.ofHours(8)))), T0.plus(Duration.ofHours(9))));
        }
    }

    private static WorkerProfileView profile(WorkerProfileProjection projection, int i) {
        return projection.handle(new FindWorkerProfile(worker(i))).orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aBatchOfWorkersSigningUpIsOneReadAndOneBulkWritePerRound(MongoBackend backend) {
        var readModels = database(backend);
        var projection = new WorkerProfileProjection(readModels, new BayesianAverage(5));
        log.take();

        inOneBatch(() -> {
            signUp(projection, WORKERS);
            assertThat(readModels.getCollection(WorkerProfileProjection.COLLECTION).countDocuments())
                    .as("nothing is written before the batch commits").isZero();
            log.take();
        });

        assertThat(log.take()).containsExactly("find worker_profiles", "update worker_profiles", "update worker_profiles",
                "update worker_profiles");
        assertThat(profile(projection, 7).skills()).containsExactly("barista");
        assertThat(profile(projection, 7).lastOnlineAt()).isEqualTo(T0.plusSeconds(7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aBatchLeavesTheSameProfilesAsEventByEvent(MongoBackend backend) {
        var batched = new WorkerProfileProjection(backend.freshDatabase(), new BayesianAverage(5));
        var oneByOne = new WorkerProfileProjection(backend.freshDatabase(), new BayesianAverage(5));

        inOneBatch(() -> {
            signUp(batched, 4);
            work(batched, 4);
        });
        signUp(oneByOne, 4);
        work(oneByOne, 4);

        for (int i = 0; i < 4; i++) {
            assertThat(profile(batched, i)).isEqualTo(profile(oneByOne, i));
            assertThat(profile(batched, i).completedJobs()).isEqualTo(1);
            assertThat(profile(batched, i).ratingCount()).isEqualTo(1);
        }
        assertThat(profile(batched, 0).reliability().lateCheckIns()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aRedeliveredBatchCountsNoShiftOrRatingTwice(MongoBackend backend) {
        var projection = new WorkerProfileProjection(backend.freshDatabase(), new BayesianAverage(5));
        inOneBatch(() -> {
            signUp(projection, 3);
            work(projection, 3);
        });
        WorkerProfileView before = profile(projection, 2);

        inOneBatch(() -> { // the whole batch again, as after a failed token update, and its work twice over
            signUp(projection, 3);
            work(projection, 3);
            work(projection, 3);
        });

        assertThat(profile(projection, 2)).isEqualTo(before);
        assertThat(before.completedJobs()).isEqualTo(1);
        assertThat(before.ratingCount()).isEqualTo(1);
    }
}
