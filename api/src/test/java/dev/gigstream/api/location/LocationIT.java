package dev.gigstream.api.location;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.MovableTime;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.messages.common.GeoPoint;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.gigstream.api.testsupport.MovableTime.CLOCK;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static dev.gigstream.api.testsupport.Marketplace.SITE;
import static dev.gigstream.query.testsupport.Geo.pointAt;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Live location over real HTTP: the hired worker's pings (the window, the rate, who may read them),
 * the compliance signals they feed, and safety links seen by someone without an account.
 */
@PostgresIT
@Import(MovableTime.class)
@TestPropertySource(properties = {
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD,
        "gigstream.public-url=https://gigstream.example/",
        "gigstream.location.share-rate-limit.requests=1000"})
class LocationIT {

    static final GeoPoint LAGOS_ISLAND = new GeoPoint(SITE.get("lat"), SITE.get("lng"));

    @Autowired
    Api api;

    @Autowired
    MongoDatabase readModels;

    @AfterEach
    void realTime() {
        CLOCK.reset();
    }

    @Test
    void theHiredWorkersPingsReachTheClientAndAdminsAtMostOneEveryTenSeconds() {
        var market = new Marketplace(api);
        var hire = market.hiredShift();
        var worker = hire.worker();
        String location = "/api/v1/jobs/" + hire.jobId() + "/location";
        assertThat(code(ping(location, LAGOS_ISLAND, worker), 409)).as("the escrow is not funded yet")
                .isEqualTo("OUTSIDE_LOCATION_WINDOW");
        market.payByWebhook(hire.answer(), hire.client(), hire.jobId());
        assertThat(code(api.get(location, hire.client().accessToken()), 404)).isEqualTo("NO_LOCATION_YET");

        GeoPoint onTheWay = pointAt(LAGOS_ISLAND, 90, 3); // 3 km east of the site
        JsonNode taken = api.post(location, Map.of("lat", onTheWay.lat(), "lng", onTheWay.lng(), "accuracyM", 12.5),
                worker.accessToken()).expect(202).json();
        assertThat(taken.get("jobId").asText()).isEqualTo(hire.jobId());

        var tooSoon = ping(location, LAGOS_ISLAND, worker);
        assertThat(code(tooSoon, 429)).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(tooSoon.header("Retry-After"))).isBetween(1L, 10L);

        var otherWorker = market.worker();
        assertThat(code(ping(location, LAGOS_ISLAND, otherWorker), 403)).isEqualTo("NOT_THE_HIRED_WORKER");
        assertThat(code(ping(location, LAGOS_ISLAND, hire.client()), 403)).isEqualTo("NOT_THE_HIRED_WORKER");
        assertThat(api.post(location, Map.of("lat", 6.45, "lng", 3.39), null).status()).isEqualTo(401);
        assertThat(code(api.post(location, Map.of("lat", 91, "lng", 3.39), worker.accessToken()), 400)).isEqualTo("INVALID_REQUEST");

        JsonNode seenByClient = api.get(location, hire.client().accessToken()).expect(200).json();
        assertThat(seenByClient.get("lat").asDouble()).isCloseTo(onTheWay.lat(), within(1e-9));
        assertThat(seenByClient.get("lng").asDouble()).isCloseTo(onTheWay.lng(), within(1e-9));
        assertThat(seenByClient.get("accuracyM").asDouble()).isEqualTo(12.5);
        assertThat(Instant.parse(seenByClient.get("at").asText())).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
        assertThat(api.get(location, market.admin().accessToken()).expect(200).json()).isEqualTo(seenByClient);
        assertThat(api.get(location, worker.accessToken()).expect(200).json()).isEqualTo(seenByClient);
        assertThat(api.get(location, otherWorker.accessToken()).status()).isEqualTo(403);
        assertThat(api.get(location, api.signUp("CLIENT").accessToken()).status()).isEqualTo(403);

        // checking in at the site, 3 km from the ping a minute before: recorded for an admin to look at
        api.post("/api/v1/jobs/" + hire.jobId() + "/check-in", Map.of("location", SITE), worker.accessToken()).expect(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> signalTypes(worker.id()).contains("CHECK_IN_FAR_FROM_PINGS"));

        // ten seconds later from Accra, some 400 km away
        CLOCK.moveBy(Duration.ofSeconds(11));
        ping(location, new GeoPoint(5.6037, -0.1870), worker).expect(202);
        assertThat(signalTypes(worker.id())).containsExactlyInAnyOrder("CHECK_IN_FAR_FROM_PINGS", "IMPLAUSIBLE_SPEED");
        Document speeding = readModels.getCollection("location_signals")
                .find(Filters.and(Filters.eq("workerId", worker.id()), Filters.eq("type", "IMPLAUSIBLE_SPEED"))).first();
        assertThat(speeding.getString("jobId")).isEqualTo(hire.jobId());
        assertThat(speeding.get("evidence", Document.class).get("leastSpeedKmh", Number.class).doubleValue()).isGreaterThan(200);
        // both become compliance flags on the worker, the job's hire and check-in events their evidence
        JsonNode flags = market.awaitJson("/api/v1/admin/compliance/flags?rule=FAR_CHECK_IN", market.admin().accessToken(),
                list -> list.findValuesAsString("subjectId").contains(worker.id()));
        assertThat(flags.get(0).get("evidence")).hasSize(2);
        flags = market.awaitJson("/api/v1/admin/compliance/flags?rule=IMPOSSIBLE_SPEED", market.admin().accessToken(),
                list -> list.findValuesAsString("subjectId").contains(worker.id()));
        assertThat(flags.get(0).get("evidence")).hasSize(2);
        assertThat(flags.get(0).get("details").get("jobId").asText()).isEqualTo(hire.jobId());

        api.post("/api/v1/jobs/" + hire.jobId() + "/check-out", Map.of("location", SITE), worker.accessToken()).expect(202);
        market.awaitJob(hire.jobId(), worker.accessToken(), job -> job.hasNonNull("checkedOutAt"));
        CLOCK.moveBy(Duration.ofSeconds(11));
        assertThat(code(ping(location, LAGOS_ISLAND, worker), 409)).as("after check-out").isEqualTo("OUTSIDE_LOCATION_WINDOW");
    }

    @Test
    void aSafetyLinkShowsTheLastLocationToAnyoneHoldingItUntilItIsRevokedOrExpires() {
        var market = new Marketplace(api);
        var hire = market.hiredShift();
        market.payByWebhook(hire.answer(), hire.client(), hire.jobId());
        var worker = hire.worker();
        String shares = "/api/v1/jobs/" + hire.jobId() + "/location-shares";

        JsonNode created = api.post(shares, null, worker.accessToken()).expect(201).json();
        String token = created.get("token").asText();
        assertThat(Base64.getUrlDecoder().decode(token)).as("at least 128 random bits").hasSizeGreaterThanOrEqualTo(16);
        assertThat(created.get("shareUrl").asText()).isEqualTo("https://gigstream.example/share/" + token);
        assertThat(Instant.parse(created.get("expiresAt").asText()))
                .isCloseTo(Instant.now().plus(Duration.ofHours(4)), within(Duration.ofMinutes(1)));
        assertThat(readModels.getCollection("location_shares").find().into(new ArrayList<>()).toString())
                .as("only the token's hash is stored").doesNotContain(token);

        JsonNode beforeAnyPing = api.get("/api/v1/location-shares/" + token, null).expect(200).json();
        assertThat(beforeAnyPing.get("lastLocation").isNull()).isTrue();
        assertThat(beforeAnyPing.get("workerFirstName").asText()).isEqualTo("Ada");

        ping("/api/v1/jobs/" + hire.jobId() + "/location", LAGOS_ISLAND, worker).expect(202);
        var shared = api.get("/api/v1/location-shares/" + token, null).expect(200);
        assertThat(shared.header("Cache-Control")).contains("no-store");
        JsonNode view = shared.json();
        assertThat(view.get("jobTitle").asText()).isEqualTo("Barista for a launch");
        assertThat(view.get("workerFirstName").asText()).isEqualTo("Ada");
        assertThat(view.get("lastLocation").get("lat").asDouble()).isEqualTo(LAGOS_ISLAND.lat());
        assertThat(view.get("lastLocation").get("lng").asDouble()).isEqualTo(LAGOS_ISLAND.lng());
        assertThat(view.get("lastLocation").has("at")).isTrue();
        assertThat(view.get("lastLocation").has("accuracyM")).isFalse();
        assertThat(view.get("expiresAt").asText()).isEqualTo(created.get("expiresAt").asText());

        var page = api.get("/share/" + token, null).expect(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'none'").contains("script-src 'sha256-")
                .doesNotContain("unsafe-inline");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.body()).contains("<script>").contains("/api/v1/location-shares/");

        String shareId = created.get("shareId").asText();
        assertThat(code(api.send("DELETE", shares + "/" + shareId, null, market.worker().accessToken(), Map.of()), 403))
                .isEqualTo("NOT_THE_HIRED_WORKER");
        assertThat(code(api.send("DELETE", shares + "/no-such-share", null, worker.accessToken(), Map.of()), 404))
                .isEqualTo("SHARE_NOT_FOUND");
        api.send("DELETE", shares + "/" + shareId, null, worker.accessToken(), Map.of()).expect(204);
        assertThat(code(api.get("/api/v1/location-shares/" + token, null), 410)).isEqualTo("SHARE_REVOKED");

        JsonNode hourLong = api.post(shares, Map.of("hours", 1), worker.accessToken()).expect(201).json();
        String second = hourLong.get("token").asText();
        assertThat(Instant.parse(hourLong.get("expiresAt").asText()))
                .isCloseTo(Instant.now().plus(Duration.ofHours(1)), within(Duration.ofMinutes(1)));
        api.get("/api/v1/location-shares/" + second, null).expect(200);
        CLOCK.moveBy(Duration.ofMinutes(61));
        assertThat(code(api.get("/api/v1/location-shares/" + second, null), 410)).isEqualTo("SHARE_EXPIRED");

        String unknown = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        assertThat(code(api.get("/api/v1/location-shares/" + unknown, null), 404)).isEqualTo("SHARE_NOT_FOUND");
        assertThat(code(api.get("/api/v1/location-shares/not-a-token", null), 404)).isEqualTo("SHARE_NOT_FOUND");
        assertThat(code(api.post(shares, Map.of("hours", 5), worker.accessToken()), 400)).isEqualTo("INVALID_REQUEST");
        assertThat(code(api.post(shares, Map.of("hours", 0), worker.accessToken()), 400)).isEqualTo("INVALID_REQUEST");
        assertThat(code(api.post(shares, null, hire.client().accessToken()), 403)).isEqualTo("NOT_THE_HIRED_WORKER");
    }

    @Test
    void aLinkNeverOutlastsTheCheckOutByMoreThanAnHour() {
        var market = new Marketplace(api);
        var hire = market.hiredShift();
        var worker = hire.worker();
        String shares = "/api/v1/jobs/" + hire.jobId() + "/location-shares";
        market.payByWebhook(hire.answer(), hire.client(), hire.jobId());
        String madeBefore = api.post(shares, Map.of("hours", 4), worker.accessToken()).expect(201).json().get("token").asText();

        api.post("/api/v1/jobs/" + hire.jobId() + "/check-in", Map.of("location", SITE), worker.accessToken()).expect(202);
        api.post("/api/v1/jobs/" + hire.jobId() + "/check-out", Map.of("location", SITE), worker.accessToken()).expect(202);
        JsonNode job = market.awaitJob(hire.jobId(), worker.accessToken(), view -> view.hasNonNull("checkedOutAt"));
        Instant checkedOut = Instant.parse(job.get("checkedOutAt").asText());

        JsonNode madeAfter = api.post(shares, null, worker.accessToken()).expect(201).json();
        assertThat(Instant.parse(madeAfter.get("expiresAt").asText())).isEqualTo(checkedOut.plus(Duration.ofHours(1)));
        assertThat(Instant.parse(api.get("/api/v1/location-shares/" + madeBefore, null).expect(200).json()
                .get("expiresAt").asText())).isEqualTo(checkedOut.plus(Duration.ofHours(1)));

        CLOCK.moveBy(Duration.ofMinutes(61));
        assertThat(code(api.get("/api/v1/location-shares/" + madeBefore, null), 410)).isEqualTo("SHARE_EXPIRED");
        assertThat(code(api.get("/api/v1/location-shares/" + madeAfter.get("token").asText(), null), 410))
                .isEqualTo("SHARE_EXPIRED");
        assertThat(code(api.post(shares, null, worker.accessToken()), 409)).isEqualTo("OUTSIDE_LOCATION_WINDOW");
    }

    @Test
    void aPingBeforeTheNinetyMinutesBeforeTheStartIsRefused() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var worker = market.worker();
        String jobId = jobStartingIn(client, Duration.ofHours(3));
        JsonNode hire = market.hire(client, worker, jobId);
        market.payByWebhook(hire, client, jobId);

        var early = ping("/api/v1/jobs/" + jobId + "/location", LAGOS_ISLAND, worker);

        assertThat(code(early, 409)).isEqualTo("OUTSIDE_LOCATION_WINDOW");
        assertThat(early.json().get("detail").asText()).contains("90 minutes before the shift starts");
        CLOCK.moveBy(Duration.ofMinutes(91));
        ping("/api/v1/jobs/" + jobId + "/location", LAGOS_ISLAND, worker).expect(202);
    }

    private Api.Response ping(String path, GeoPoint point, Api.User user) {
        return api.post(path, Map.of("lat", point.lat(), "lng", point.lng()), user.accessToken());
    }

    private List<String> signalTypes(String workerId) {
        return readModels.getCollection("location_signals").find(Filters.eq("workerId", workerId))
                .map(doc -> doc.getString("type")).into(new ArrayList<>());
    }

    private String jobStartingIn(Api.User client, Duration in) {
        Instant start = Instant.now().plus(in);
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Barista for a launch");
        body.put("description", "Espresso bar");
        body.put("requiredSkills", List.of("barista"));
        body.put("location", Map.of("lat", SITE.get("lat"), "lng", SITE.get("lng"), "address", "1 Marina, Lagos"));
        body.put("shift", Map.of("start", start.toString(), "end", start.plus(Duration.ofHours(8)).toString()));
        body.put("pay", Map.of("amount", Marketplace.PAY, "currency", "NGN"));
        return api.post("/api/v1/jobs", body, client.accessToken()).expect(201).json().get("jobId").asText();
    }

    private static String code(Api.Response response, int status) {
        response.expect(status);
        assertThat(response.isProblem()).as("a problem response").isTrue();
        return response.json().get("code").asText();
    }
}
