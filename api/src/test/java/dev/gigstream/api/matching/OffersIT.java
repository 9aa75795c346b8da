package dev.gigstream.api.matching;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.MovableTime;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.api.testsupport.RedisBackedIT;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.worker.ExtendPremium;
import dev.gigstream.policies.matching.JobMatching;
import dev.gigstream.query.matching.OfferQueueProjection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static dev.gigstream.api.testsupport.MovableTime.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Job offers over real HTTP with the queues in Redis: a posted job is offered in waves of two (premium
 * first), each offered worker finds it in {@code GET /api/v1/workers/me/offers} best first until it is
 * hired or lapses, the second wave comes when its deadline passes, and replaying the event stream hands
 * out nothing again.
 */
@PostgresIT
@Import(MovableTime.class)
@TestPropertySource(properties = {
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD,
        "gigstream.matching.wave-size=2",
        "gigstream.matching.waves=2",
        "gigstream.matching.wave-delay=2m",
        "gigstream.matching.offer-lifetime=15m"})
class OffersIT extends RedisBackedIT {

    /** The deadlines waiting in db-scheduler's table (the offer waves here), not the notifications' delivery tasks. */
    private static final String OFFER_WAVES = "task_name = 'AxonDeadline'";

    private static final Map<String, Double> SITE = Marketplace.SITE;
    private static final ZoneId LAGOS = ZoneId.of("Africa/Lagos");
    private static final String OFFERS = "/api/v1/workers/me/offers";

    @Autowired
    Api api;

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        CLOCK.reset();
    }

    @Test
    void aPostedJobIsOfferedInWavesListedBestFirstUntilHiredOrLapsedAndAReplayHandsOutNothingAgain() {
        String n = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        String lifeguard = "lifeguard " + n;
        String firstAid = "first aid " + n;
        var premium = worker(5, List.of(lifeguard));
        commands.sendAndWait(new ExtendPremium(WorkerId.of(premium.id()), Instant.now().plus(Duration.ofDays(30))));
        var carol = worker(3, List.of(lifeguard));
        var bob = worker(2, List.of(lifeguard));
        var alice = worker(1, List.of(lifeguard, firstAid)); // the last online, so first after premium
        var client = api.signUp("CLIENT");
        awaitJson("/api/v1/workers/" + premium.id(), client.accessToken(), profile -> profile.get("premium").asBoolean());
        for (var worker : List.of(carol, bob, alice)) {
            awaitJson("/api/v1/workers/" + worker.id(), client.accessToken(), profile -> !profile.get("lastOnlineAt").isNull());
        }

        String pool = post(client, "Pool lifeguard", List.of(lifeguard), 600_000);
        String party = post(client, "Lifeguard with first aid", List.of(lifeguard, firstAid), 900_000);

        // wave 1: two workers per job, premium first; each lists its offers best rank first
        JsonNode premiumOffers = awaitOffers(premium, List.of(pool));
        JsonNode offer = premiumOffers.get("items").get(0);
        assertThat(offer.get("title").asText()).isEqualTo("Pool lifeguard");
        assertThat(offer.get("pay").get("amount").asLong()).isEqualTo(600_000);
        assertThat(offer.get("pay").get("currency").asText()).isEqualTo("NGN");
        assertThat(offer.get("distanceKm").asDouble()).isEqualTo(5.0);
        assertThat(offer.get("expiresIn").asLong()).isBetween(14 * 60L, 15 * 60L);
        awaitOffers(alice, List.of(party, pool));
        assertThat(offers(bob)).as("bob waits for the second wave").isEmpty();
        assertThat(offers(carol)).isEmpty();
        assertThat(offered(pool)).as("nobody else, until the next wave").hasSize(2);

        // alice accepts the party job by applying, and is hired: it leaves her list
        new Marketplace(api).hire(client, alice, party);
        awaitOffers(alice, List.of(pool));

        // wave 2 is due two minutes after wave 1: the deadline waits in the database until then
        Instant now = Instant.now();
        List<OffsetDateTime> due = jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE " + OFFER_WAVES
                        + " AND execution_time < :soon")
                .param("soon", OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(10)).query(OffsetDateTime.class).list();
        assertThat(due).as("the second waves of both jobs").hasSize(2)
                .allSatisfy(at -> assertThat(at.toInstant()).isBetween(now, now.plus(Duration.ofMinutes(2))));
        assertThat(offers(bob)).isEmpty();
        secondWavesDueNow();
        awaitOffers(bob, List.of(pool));
        awaitOffers(carol, List.of(pool));
        assertThat(offers(premium)).extracting(item -> item.get("jobId").asText()).containsExactly(pool);
        assertThat(offered(pool)).as("each worker once: premium, alice, then bob and carol").hasSize(4);

        // a replay of the whole stream rebuilds the same queues and offers nothing again
        var admin = new Marketplace(api).admin();
        var workers = List.of(premium, alice, bob, carol);
        List<List<JsonNode>> before = workers.stream().map(this::offers).toList();
        Instant replayedAt = Instant.now();
        api.post("/api/v1/admin/projections/" + OfferQueueProjection.NAME + "/replay", null, admin.accessToken()).expect(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp(admin, OfferQueueProjection.NAME));
        long elapsed = Duration.between(replayedAt, Instant.now()).toSeconds() + 1;
        for (int i = 0; i < workers.size(); i++) {
            List<JsonNode> after = offers(workers.get(i));
            assertThat(jobIds(after)).isEqualTo(jobIds(before.get(i))).containsExactly(pool);
            long expiresIn = before.get(i).get(0).get("expiresIn").asLong();
            assertThat(after.get(0).get("expiresIn").asLong()).as("the offer keeps its own expiry")
                    .isBetween(expiresIn - elapsed, expiresIn);
        }
        assertThat(code(api.post("/api/v1/admin/projections/" + JobMatching.NAME + "/replay", null, admin.accessToken()), 409))
                .as("the matching policy is never replayed").isEqualTo("REPLAY_NOT_SUPPORTED");
        assertThat(offered(pool)).hasSize(4);
        assertThat(offered(party)).hasSize(1);

        // each offer lapses on time: the first wave's a little before the second's
        long premiumLeft = offers(premium).get(0).get("expiresIn").asLong();
        CLOCK.moveBy(Duration.ofSeconds(premiumLeft - 5));
        assertThat(jobIds(offers(premium))).containsExactly(pool);
        CLOCK.moveBy(Duration.ofSeconds(6));
        assertThat(offers(premium)).as("premium's offer lapsed").isEmpty();
        assertThat(offers(alice)).isEmpty();
        assertThat(jobIds(offers(bob))).as("bob's came with the second wave").containsExactly(pool);
    }

    @Test
    void onlyWorkersHaveOffers() {
        var client = api.signUp("CLIENT");
        assertThat(code(api.get(OFFERS, client.accessToken()), 403)).isEqualTo("FORBIDDEN");
        assertThat(code(api.get(OFFERS, new Marketplace(api).admin().accessToken()), 403)).isEqualTo("FORBIDDEN");
        assertThat(api.get(OFFERS, null).status()).isEqualTo(401);
        assertThat(api.get(OFFERS, "not-a-token").status()).isEqualTo(401);
        assertThat(offers(worker(1, List.of("plumber")))).isEmpty();
    }

    private Api.User worker(double kmNorth, List<String> skills) {
        var worker = api.signUp("WORKER");
        api.put("/api/v1/workers/me/profile", Map.of("skills", skills,
                "home", Map.of("lat", SITE.get("lat") + kmNorth / 111.19508, "lng", SITE.get("lng")),
                "availability", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY").stream()
                        .map(day -> Map.of("dayOfWeek", day, "from", "00:00", "to", "24:00")).toList()),
                worker.accessToken()).expect(200);
        return worker;
    }

    /** A job tomorrow 10:00 to 18:00 in Lagos, at the site. */
    private String post(Api.User client, String title, List<String> skills, long amount) {
        var day = LocalDate.now(LAGOS).plusDays(1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", "At the pool");
        body.put("requiredSkills", skills);
        body.put("location", Map.of("lat", SITE.get("lat"), "lng", SITE.get("lng"), "address", "1 Marina, Lagos Island"));
        body.put("shift", Map.of("start", day.atTime(10, 0).atZone(LAGOS).toInstant().toString(),
                "end", day.atTime(18, 0).atZone(LAGOS).toInstant().toString()));
        body.put("pay", Map.of("amount", amount, "currency", "NGN"));
        return api.post("/api/v1/jobs", body, client.accessToken()).expect(201).json().get("jobId").asText();
    }

    private List<JsonNode> offers(Api.User worker) {
        return StreamSupport.stream(api.get(OFFERS, worker.accessToken()).expect(200).json().get("items").spliterator(), false)
                .toList();
    }

    private static List<String> jobIds(List<JsonNode> offers) {
        return offers.stream().map(item -> item.get("jobId").asText()).toList();
    }

    private JsonNode awaitOffers(Api.User worker, List<String> jobIds) {
        return awaitJson(OFFERS, worker.accessToken(), json -> json.get("items").findValuesAsString("jobId").equals(jobIds));
    }

    private JsonNode awaitJson(String path, String token, Predicate<JsonNode> until) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> api.get(path, token),
                response -> response.status() == 200 && until.test(response.json())).json();
    }

    /** The JobOffered events in the job's own history (the event store), by worker. */
    private List<String> offered(String jobId) {
        var admin = new Marketplace(api).admin();
        JsonNode events = api.get("/api/v1/audit/aggregates/" + jobId + "/events", admin.accessToken()).expect(200).json();
        return StreamSupport.stream(events.spliterator(), false)
                .filter(event -> "JobOffered".equals(event.get("type").asText()))
                .map(event -> event.get("payload").get("workerId").asText())
                .toList();
    }

    /** Moves the waiting offer-wave deadlines (two minutes away) to now, as the passing minutes would. */
    private void secondWavesDueNow() {
        int moved = jdbc.sql("UPDATE scheduled_tasks SET execution_time = :now WHERE " + OFFER_WAVES
                        + " AND execution_time < :soon")
                .param("now", OffsetDateTime.now(ZoneOffset.UTC))
                .param("soon", OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(10))
                .update();
        assertThat(moved).as("offer-wave deadlines waiting").isEqualTo(2);
    }

    private boolean caughtUp(Api.User admin, String projection) {
        JsonNode projections = api.get("/api/v1/admin/projections", admin.accessToken()).expect(200).json();
        JsonNode status = StreamSupport.stream(projections.spliterator(), false)
                .filter(p -> projection.equals(p.get("name").asText())).findFirst().orElseThrow();
        return !status.get("position").isNull() && !status.get("replaying").asBoolean() && status.get("lag").asLong() == 0;
    }

    private static String code(Api.Response response, int status) {
        response.expect(status);
        assertThat(response.isProblem()).isTrue();
        return response.json().get("code").asText();
    }
}
