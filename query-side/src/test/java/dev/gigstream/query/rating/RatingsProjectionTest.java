package dev.gigstream.query.rating;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.rating.FindJobRatings;
import dev.gigstream.messages.rating.FindUserRatings;
import dev.gigstream.messages.rating.JobRatingsIds;
import dev.gigstream.messages.rating.JobRatingsView;
import dev.gigstream.messages.rating.RaterRole;
import dev.gigstream.messages.rating.RatingGiven;
import dev.gigstream.messages.rating.RatingsRevealed;
import dev.gigstream.messages.rating.UserRatingsView;
import dev.gigstream.query.testsupport.MongoBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RatingsProjectionTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final String ADA = "worker-ada";
    private static final String BEN = "worker-ben";
    private static final String CHI = "client-chi";
    private static final String DAN = "client-dan";

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    private static RatingsProjection projection(MongoBackend backend) {
        return new RatingsProjection(backend.freshDatabase(), new BayesianAverage(5));
    }

    /** The client rates the worker of {@code jobId}, {@code minutes} after T0. */
    private static RatingGiven byClient(String jobId, String clientId, String workerId, int stars, long minutes) {
        return new RatingGiven(JobRatingsIds.of(jobId), JobId.of(jobId), clientId, RaterRole.CLIENT, workerId, stars, "",
                T0.plus(Duration.ofMinutes(minutes)));
    }

    private static RatingGiven byWorker(String jobId, String workerId, String clientId, int stars, long minutes) {
        return new RatingGiven(JobRatingsIds.of(jobId), JobId.of(jobId), workerId, RaterRole.WORKER, clientId, stars, "",
                T0.plus(Duration.ofMinutes(minutes)));
    }

    private static RatingsRevealed revealed(RatingGiven... given) {
        List<RatingsRevealed.Rating> ratings = new ArrayList<>();
        for (RatingGiven rating : given) {
            ratings.add(new RatingsRevealed.Rating(rating.raterId(), rating.raterRole(), rating.rateeId(), rating.stars(),
                    rating.comment(), rating.at()));
        }
        return new RatingsRevealed(given[0].ratingsId(), given[0].jobId(), ratings, T0.plus(Duration.ofDays(1)));
    }

    /** Given, then revealed. */
    private static void rate(RatingsProjection projection, RatingGiven... given) {
        for (RatingGiven rating : given) {
            projection.on(rating);
        }
        projection.on(revealed(given));
    }

    private static UserRatingsView user(RatingsProjection projection, String userId) {
        return projection.handle(new FindUserRatings(userId, 0, 20));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aJobsRatingsShowWhichAreStillHidden(MongoBackend backend) {
        var projection = projection(backend);
        var clients = byClient("job-1", CHI, ADA, 5, 1);
        var workers = byWorker("job-1", ADA, CHI, 3, 2);
        assertThat(projection.handle(new FindJobRatings("job-1"))).as("nobody rated yet").isEmpty();

        projection.on(clients);
        projection.on(workers);
        projection.on(revealed(clients));

        assertThat(projection.handle(new FindJobRatings("job-1"))).contains(new JobRatingsView("job-1", List.of(
                new JobRatingsView.Item(CHI, RaterRole.CLIENT, ADA, 5, "", T0.plusSeconds(60), true),
                new JobRatingsView.Item(ADA, RaterRole.WORKER, CHI, 3, "", T0.plusSeconds(120), false))));

        projection.on(revealed(workers));

        assertThat(projection.handle(new FindJobRatings("job-1")).orElseThrow().items())
                .extracting(JobRatingsView.Item::revealed).containsExactly(true, true);
        assertThat(projection.handle(new FindJobRatings("job-2"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void theAveragesArePlainAndPulledTowardsThePlatformsMean(MongoBackend backend) {
        var projection = projection(backend);
        rate(projection, byClient("job-1", CHI, ADA, 5, 1), byWorker("job-1", ADA, CHI, 2, 2));
        rate(projection, byClient("job-2", DAN, ADA, 4, 3));
        rate(projection, byClient("job-3", CHI, BEN, 3, 4), byWorker("job-3", BEN, CHI, 5, 5));

        // platform: 5 + 2 + 4 + 3 + 5 = 19 stars in 5 ratings, a mean of 3.8; the prior weighs 5 ratings
        UserRatingsView ada = user(projection, ADA);
        assertThat(ada.count()).isEqualTo(2);
        assertThat(ada.average()).isEqualTo((5 + 4) / 2.0);
        assertThat(ada.bayesianAverage()).isCloseTo((5 * 3.8 + 5 + 4) / (5 + 2), within(1e-9)); // 28 / 7 = 4.0
        UserRatingsView ben = user(projection, BEN);
        assertThat(ben.average()).isEqualTo(3.0);
        assertThat(ben.bayesianAverage()).isCloseTo((5 * 3.8 + 3) / (5 + 1), within(1e-9)); // 22 / 6 ≈ 3.667
        UserRatingsView chi = user(projection, CHI);
        assertThat(chi.count()).as("clients are rated too").isEqualTo(2);
        assertThat(chi.average()).isEqualTo((2 + 5) / 2.0);
        assertThat(chi.bayesianAverage()).isCloseTo((5 * 3.8 + 2 + 5) / (5 + 2), within(1e-9)); // 26 / 7 ≈ 3.714
        assertThat(chi.items()).extracting(UserRatingsView.Item::byRole).containsOnly(RaterRole.WORKER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aHiddenRatingCountsNowhere(MongoBackend backend) {
        var projection = projection(backend);
        rate(projection, byClient("job-1", CHI, ADA, 4, 1));
        projection.on(byClient("job-2", DAN, ADA, 1, 2));
        projection.on(byClient("job-3", DAN, BEN, 1, 3));

        UserRatingsView ada = user(projection, ADA);
        assertThat(ada.count()).isEqualTo(1);
        assertThat(ada.average()).isEqualTo(4.0);
        assertThat(ada.bayesianAverage()).as("the platform's mean is the one revealed 4★: (5 × 4 + 4) / 6")
                .isEqualTo(4.0);
        assertThat(ada.items()).extracting(UserRatingsView.Item::jobId).containsExactly("job-1");
        assertThat(user(projection, BEN)).isEqualTo(new UserRatingsView(BEN, null, null, 0, List.of(), 0, 20));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aUsersRatingsComeNewestFirstAPageAtATime(MongoBackend backend) {
        var projection = projection(backend);
        for (int job = 1; job <= 5; job++) {
            rate(projection, byClient("job-" + job, CHI, ADA, job, job * 10L));
        }

        UserRatingsView first = projection.handle(new FindUserRatings(ADA, 0, 2));
        assertThat(first.items()).extracting(UserRatingsView.Item::jobId).containsExactly("job-5", "job-4");
        assertThat(first.items().get(0)).isEqualTo(new UserRatingsView.Item("job-5", 5, "", RaterRole.CLIENT,
                T0.plus(Duration.ofMinutes(50))));
        assertThat(first.count()).as("all of them, whatever the page").isEqualTo(5);
        assertThat(first.page()).isZero();
        assertThat(first.size()).isEqualTo(2);
        assertThat(projection.handle(new FindUserRatings(ADA, 1, 2)).items()).extracting(UserRatingsView.Item::jobId)
                .containsExactly("job-3", "job-2");
        assertThat(projection.handle(new FindUserRatings(ADA, 2, 2)).items()).extracting(UserRatingsView.Item::jobId)
                .containsExactly("job-1");
        assertThat(projection.handle(new FindUserRatings(ADA, 3, 2)).items()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aRedeliveredRatingCountsOnce(MongoBackend backend) {
        var projection = projection(backend);
        var clients = byClient("job-1", CHI, ADA, 5, 1);
        var workers = byWorker("job-1", ADA, CHI, 1, 2);
        rate(projection, byClient("job-2", DAN, ADA, 3, 3));
        projection.on(clients);
        projection.on(workers);
        projection.on(revealed(clients));
        projection.on(revealed(workers));
        UserRatingsView before = user(projection, ADA);

        projection.on(clients);
        projection.on(revealed(clients));
        projection.on(revealed(workers));
        projection.on(workers);
        projection.on(revealed(clients, workers));

        assertThat(user(projection, ADA)).isEqualTo(before);
        assertThat(before.count()).isEqualTo(2);
        // platform: 3 + 5 + 1 = 9 stars in 3 ratings, a mean of 3: (5 × 3 + 8) / (5 + 2)
        assertThat(before.bayesianAverage()).isCloseTo(23 / 7.0, within(1e-9));
        assertThat(user(projection, CHI).count()).isEqualTo(1);
        assertThat(projection.handle(new FindJobRatings("job-1")).orElseThrow().items())
                .extracting(JobRatingsView.Item::revealed).containsExactly(true, true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aResetForgetsEveryRatingAndTotalForReplay(MongoBackend backend) {
        var projection = projection(backend);
        rate(projection, byClient("job-1", CHI, ADA, 1, 1));

        projection.reset();

        assertThat(projection.handle(new FindJobRatings("job-1"))).isEmpty();
        assertThat(user(projection, ADA).count()).isZero();
        rate(projection, byClient("job-2", CHI, ADA, 5, 2));
        assertThat(user(projection, ADA).bayesianAverage()).as("the platform forgot the 1★").isEqualTo(5.0);
    }
}
