package dev.gigstream.query.rating;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.export.FindPersonalData;
import dev.gigstream.messages.rating.JobRatingsIds;
import dev.gigstream.messages.rating.RaterRole;
import dev.gigstream.messages.rating.RatingGiven;
import dev.gigstream.messages.rating.RatingsRevealed;
import dev.gigstream.query.testsupport.MongoBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RatingsExportTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    private static RatingGiven given(String jobId, String raterId, RaterRole role, String rateeId, int stars, String comment,
                                     long minutes) {
        return new RatingGiven(JobRatingsIds.of(jobId), JobId.of(jobId), raterId, role, rateeId, stars, comment,
                T0.plus(Duration.ofMinutes(minutes)));
    }

    private static RatingsRevealed revealed(RatingGiven... given) {
        return new RatingsRevealed(given[0].ratingsId(), given[0].jobId(), List.of(given).stream()
                .map(rating -> new RatingsRevealed.Rating(rating.raterId(), rating.raterRole(), rating.rateeId(), rating.stars(),
                        rating.comment(), rating.at()))
                .toList(), T0.plus(Duration.ofDays(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void givenRatingsKeepTheirCommentAndReceivedOnesShowOnlyOnceRevealedWithoutTheRatersComment(MongoBackend backend) {
        var database = backend.freshDatabase();
        var projection = new RatingsProjection(database, new BayesianAverage(5));
        var export = new RatingsExport(database);
        var byClient = given("job-1", "client-1", RaterRole.CLIENT, "worker-1", 5, "Lovely latte art", 1);
        var byWorker = given("job-1", "worker-1", RaterRole.WORKER, "client-1", 3, "Paid late", 2);
        projection.on(byClient);
        projection.on(byWorker);
        projection.on(revealed(byClient, byWorker));
        var hidden = given("job-2", "client-1", RaterRole.CLIENT, "worker-1", 2, "Slow", 3);
        projection.on(hidden);

        FindPersonalData.Ratings worker = export.handle(new FindPersonalData("worker-1"));
        assertThat(worker.given()).containsExactly(new FindPersonalData.Ratings.Rating("job-1", RaterRole.WORKER, "client-1", 3,
                "Paid late", T0.plus(Duration.ofMinutes(2)), true));
        assertThat(worker.received()).as("the hidden rating of job-2 not yet").containsExactly(
                new FindPersonalData.Ratings.Rating("job-1", RaterRole.CLIENT, "client-1", 5, null,
                        T0.plus(Duration.ofMinutes(1)), true));

        FindPersonalData.Ratings client = export.handle(new FindPersonalData("client-1"));
        assertThat(client.given()).extracting(FindPersonalData.Ratings.Rating::comment).containsExactly("Lovely latte art", "Slow");
        assertThat(client.given()).extracting(FindPersonalData.Ratings.Rating::revealed).containsExactly(true, false);
        assertThat(client.received()).extracting(FindPersonalData.Ratings.Rating::stars).containsExactly(3);
        assertThat(client.received()).extracting(FindPersonalData.Ratings.Rating::comment).containsOnlyNulls();
    }
}
