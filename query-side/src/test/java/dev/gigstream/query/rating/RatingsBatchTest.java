package dev.gigstream.query.rating;

import com.mongodb.client.MongoDatabase;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.rating.JobRatingsIds;
import dev.gigstream.messages.rating.RaterRole;
import dev.gigstream.messages.rating.RatingGiven;
import dev.gigstream.messages.rating.RatingsRevealed;
import dev.gigstream.query.testsupport.Batches;
import dev.gigstream.query.testsupport.MongoBackend;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static dev.gigstream.query.testsupport.Batches.inOneBatch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ratings written in batches: the ratings given go out in one bulk write, a reveal turns each rating
 * once, after the batch's held ratings, and the totals equal those of event by event.
 */
class RatingsBatchTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final int JOBS = 25;

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    private final Batches.CommandLog log = new Batches.CommandLog();

    private MongoDatabase database(MongoBackend backend) {
        return log.client(backend).getDatabase("test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    private static RatingGiven given(int job, RaterRole role) {
        String jobId = "job-" + job;
        return role == RaterRole.CLIENT
                ? new RatingGiven(JobRatingsIds.of(jobId), JobId.of(jobId), "client-1", role, "worker-" + job, 3 + job % 3, "", T0)
                : new RatingGiven(JobRatingsIds.of(jobId), JobId.of(jobId), "worker-" + job, role, "client-1", 5, "", T0);
    }

    private static void rate(RatingsProjection projection, int jobs) {
        for (int i = 0; i < jobs; i++) {
            projection.on(given(i, RaterRole.CLIENT));
            projection.on(given(i, RaterRole.WORKER));
        }
    }

    private static void reveal(RatingsProjection projection, int jobs) {
        for (int i = 0; i < jobs; i++) {
            String jobId = "job-" + i;
            projection.on(new RatingsRevealed(JobRatingsIds.of(jobId), JobId.of(jobId), List.of(given(i, RaterRole.CLIENT), given(i, RaterRole.WORKER))
                    .stream().map(g -> new RatingsRevealed.Rating(g.raterId(), g.raterRole(), g.rateeId(), g.stars(), g.comment(), g.at()))
                    .toList(), T0.plusSeconds(60)));
        }
    }

    private static Map<String, List<Document>> everything(MongoDatabase readModels) {
        Map<String, List<Document>> collections = new TreeMap<>();
        for (String name : List.of("ratings", "rating_totals", "rating_platform_totals")) {
            collections.put(name, readModels.getCollection(name).find().sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
        return collections;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void theRatingsGivenInABatchAreOneBulkWrite(MongoBackend backend) {
        var readModels = database(backend);
        var projection = new RatingsProjection(readModels, new BayesianAverage(5));
        log.take();

        inOneBatch(() -> rate(projection, JOBS));

        assertThat(log.take()).containsExactly("update ratings");
        assertThat(readModels.getCollection("ratings").countDocuments()).isEqualTo(2L * JOBS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aBatchCountsEachRevealedRatingOnceAndLeavesTheSameTotalsAsEventByEvent(MongoBackend backend) {
        var batched = backend.freshDatabase();
        var oneByOne = backend.freshDatabase();
        var inBatches = new RatingsProjection(batched, new BayesianAverage(5));
        var eventByEvent = new RatingsProjection(oneByOne, new BayesianAverage(5));

        inOneBatch(() -> {
            rate(inBatches, JOBS);
            reveal(inBatches, JOBS);
            rate(inBatches, JOBS); // redelivered in the same batch: changes nothing
            reveal(inBatches, JOBS);
        });
        rate(eventByEvent, JOBS);
        reveal(eventByEvent, JOBS);

        assertThat(everything(batched)).isEqualTo(everything(oneByOne));
        assertThat(everything(batched).get("rating_platform_totals")).singleElement()
                .satisfies(platform -> assertThat(platform.get("count", Number.class).longValue()).isEqualTo(2L * JOBS));
    }
}
