package dev.gigstream.api.rating;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.MovableTime;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.gigstream.api.testsupport.MovableTime.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Trust over real HTTP: two workers complete shifts through the whole lifecycle (Paystack played by
 * a local stand-in), both sides rate double-blind, the reveal deadline shows what one side gave,
 * and profiles, badges and the client's ranking follow.
 */
@PostgresIT
@Import(MovableTime.class)
class RatingsIT {


    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        CLOCK.reset();
    }

    @Test
    void ratingsAreDoubleBlindFeedTheProfilesAndRankTheBetterRatedWorkerFirst() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var good = market.worker();
        var fair = market.worker();

        var first = market.hire(client, good);
        market.completedShift(first);
        String ratings = "/api/v1/jobs/" + first.jobId() + "/ratings";
        rate(ratings, client, 5, "Great espresso, on time").expect(201);

        JsonNode seenByClient = market.awaitJson(ratings, client.accessToken(), view -> view.get("items").size() == 1);
        assertThat(seenByClient.get("items").findValuesAsString("byRole")).containsExactly("CLIENT");
        JsonNode seenByWorker = api.get(ratings, good.accessToken()).expect(200).json();
        assertThat(seenByWorker.get("revealed").asBoolean()).isFalse();
        assertThat(seenByWorker.get("items")).as("the client's rating stays hidden from the worker").isEmpty();
        assertThat(ratingsOf(good).get("count").asInt()).as("a hidden rating counts nowhere").isZero();

        rate(ratings, good, 4, "Clear instructions").expect(201);
        JsonNode revealed = market.awaitJson(ratings, good.accessToken(), view -> view.get("revealed").asBoolean());
        assertThat(revealed.get("items").findValuesAsString("byRole")).containsExactlyInAnyOrder("CLIENT", "WORKER");
        assertThat(code(rate(ratings, client, 4, "again"), 409)).isEqualTo("ALREADY_RATED");

        var second = market.hire(client, fair);
        market.completedShift(second);
        rate("/api/v1/jobs/" + second.jobId() + "/ratings", client, 2, "Late and distracted").expect(201);
        rate("/api/v1/jobs/" + second.jobId() + "/ratings", fair, 5, null).expect(201);

        var third = market.hire(client, good);
        market.completedShift(third);
        String thirdRatings = "/api/v1/jobs/" + third.jobId() + "/ratings";
        rate(thirdRatings, client, 5, null).expect(201);
        market.awaitJson(thirdRatings, client.accessToken(), view -> view.get("items").size() == 1);
        assertThat(api.get(thirdRatings, good.accessToken()).expect(200).json().get("items")).isEmpty();
        revealDeadlinesNow();
        assertThat(market.awaitJson(thirdRatings, good.accessToken(), view -> view.get("revealed").asBoolean())
                .get("items").findValuesAsString("byRole")).containsExactly("CLIENT");

        JsonNode profile = market.awaitJson("/api/v1/workers/" + good.id(), fair.accessToken(),
                view -> view.get("ratingCount").asInt() == 2 && view.get("badges").toString().contains("FIRST_SHIFT"));
        assertThat(profile.get("ratingAverage").asDouble()).isEqualTo(5.0);
        assertThat(profile.get("bayesianAverage").asDouble()).isBetween(4.0, 5.0);
        assertThat(profile.get("completedJobs").asInt()).isEqualTo(2);
        assertThat(profile.get("noShows").asInt()).isZero();
        assertThat(profile.get("reliability").get("score").asInt()).isEqualTo(100);
        assertThat(profile.get("reliability").get("shifts").asInt()).isEqualTo(2);
        JsonNode clientRatings = market.awaitJson("/api/v1/users/" + client.id() + "/ratings", good.accessToken(),
                view -> view.get("count").asInt() == 2);
        assertThat(clientRatings.get("average").asDouble()).isEqualTo(4.5);
        assertThat(clientRatings.get("items").findValuesAsString("byRole")).containsOnly("WORKER");
        assertThat(market.awaitJob(third.jobId(), good.accessToken(), view -> true).get("clientRating").get("count").asInt())
                .isEqualTo(2);

        String fourth = market.jobStartingSoon(client);
        api.post("/api/v1/jobs/" + fourth + "/applications", null, fair.accessToken()).expect(201);
        api.post("/api/v1/jobs/" + fourth + "/applications", null, good.accessToken()).expect(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/jobs/" + fourth + "/applicants", client.accessToken()),
                ranked -> ranked.status() == 200
                        && ranked.json().get("items").findValuesAsString("workerId").equals(List.of(good.id(), fair.id())));
    }

    @Test
    void onlyTheJobsPartiesRateAFinishedJobWithOneToFiveStars() {
        var market = new Marketplace(api);
        var hire = market.hiredShift();
        String ratings = "/api/v1/jobs/" + hire.jobId() + "/ratings";

        assertThat(code(rate(ratings, hire.client(), 5, null), 409)).isEqualTo("JOB_NOT_FINISHED");
        market.completedShift(hire);
        var stranger = api.signUp("CLIENT");
        assertThat(code(rate(ratings, stranger, 5, null), 403)).isEqualTo("NOT_A_PARTY_OF_THE_JOB");
        assertThat(api.get(ratings, stranger.accessToken()).status()).isEqualTo(403);
        for (Object stars : new Object[]{0, 6, 4.5, "five"}) {
            var bad = api.post(ratings, Map.of("stars", stars), hire.client().accessToken());
            assertThat(bad.status()).as("stars %s", stars).isEqualTo(400);
            assertThat(bad.isProblem()).isTrue();
        }
        assertThat(code(api.post(ratings, Map.of("stars", 5, "comment", "x".repeat(1_001)), hire.client().accessToken()), 400))
                .isEqualTo("INVALID_REQUEST");
        assertThat(api.post(ratings, Map.of("stars", 5), null).status()).isEqualTo(401);
        assertThat(code(api.get("/api/v1/users/" + hire.worker().id() + "/ratings?size=0", stranger.accessToken()), 400))
                .isEqualTo("INVALID_REQUEST");
        assertThat(api.get("/api/v1/users/" + hire.worker().id() + "/ratings", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/jobs/00000000-0000-0000-0000-000000000000/ratings", hire.client().accessToken()).status())
                .isEqualTo(404);
        CLOCK.moveBy(Duration.ofDays(15));
        assertThat(code(rate(ratings, hire.worker(), 5, null), 409)).isEqualTo("RATING_WINDOW_CLOSED");
    }

    @Test
    void aNoShowCountsAgainstTheWorkerAndOnlyTheClientRatesIt() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var worker = market.worker();
        market.completedShift(market.hire(client, worker));
        var missed = market.hire(client, worker);
        market.payByWebhook(missed.answer(), client, missed.jobId());

        CLOCK.moveBy(Duration.ofMinutes(65)); // half an hour into the shift that started half an hour after the hire
        api.post("/api/v1/jobs/" + missed.jobId() + "/no-show", null, client.accessToken()).expect(202);

        JsonNode profile = market.awaitJson("/api/v1/workers/" + worker.id(), client.accessToken(),
                view -> view.get("noShows").asInt() == 1);
        assertThat(profile.get("completedJobs").asInt()).isEqualTo(1);
        assertThat(profile.get("reliability").get("shifts").asInt()).isEqualTo(2);
        assertThat(profile.get("reliability").get("score").asInt()).isEqualTo(50);
        String ratings = "/api/v1/jobs/" + missed.jobId() + "/ratings";
        market.awaitJob(missed.jobId(), client.accessToken(), job -> "NO_SHOW".equals(job.get("status").asText()));
        assertThat(code(rate(ratings, worker, 5, null), 409)).isEqualTo("NO_SHOW_RATED_BY_CLIENT_ONLY");
        rate(ratings, client, 1, "Never came").expect(201);
        assertThat(market.awaitJson(ratings, worker.accessToken(), view -> view.get("revealed").asBoolean())
                .get("items").findValuesAsString("stars")).containsExactly("1");
    }

    /** Moves the ratings' reveal deadlines (7 days away) to now, as the passing days would. */
    private void revealDeadlinesNow() {
        int moved = jdbc.sql("UPDATE scheduled_tasks SET execution_time = :now WHERE execution_time > :inSixDays")
                .param("now", OffsetDateTime.now(ZoneOffset.UTC))
                .param("inSixDays", OffsetDateTime.now(ZoneOffset.UTC).plusDays(6))
                .update();
        assertThat(moved).as("reveal deadlines waiting").isPositive();
    }

    private Api.Response rate(String path, Api.User rater, int stars, String comment) {
        return api.post(path, comment == null ? Map.of("stars", stars) : Map.of("stars", stars, "comment", comment),
                rater.accessToken());
    }

    private JsonNode ratingsOf(Api.User user) {
        return api.get("/api/v1/users/" + user.id() + "/ratings", user.accessToken()).expect(200).json();
    }

    private static String code(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json().get("code").asText();
    }
}
