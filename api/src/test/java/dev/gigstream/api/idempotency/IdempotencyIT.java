package dev.gigstream.api.idempotency;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.MovableTime;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.SecretKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.gigstream.api.testsupport.MovableTime.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that retries a creating {@code POST} with the same {@code Idempotency-Key} gets the first
 * answer again, marked {@code Idempotent-Replayed: true}, and nothing is done twice; the same key for
 * another request is refused 422 {@code IDEMPOTENCY_KEY_REUSED}; keys are the caller's own and last 24 h.
 */
@PostgresIT
@Import(MovableTime.class)
class IdempotencyIT {

    static final String JOBS = "/api/v1/jobs";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** One shift start for all the class's jobs, so that a job's body is the same each time it is sent. */
    private static final Instant START = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdempotencyKeys keys;

    @Autowired
    IdempotencyProperties properties;

    @Autowired
    SecretKey accessTokenKey;

    @LocalServerPort
    int port;

    @AfterEach
    void realTime() {
        CLOCK.reset();
    }

    @Test
    void aRetriedJobPostingAnswersTheFirstAnswerAgainAndPostsOneJob() {
        Api.User client = api.signUp("CLIENT");
        String key = UUID.randomUUID().toString();

        Api.Response first = post(JOBS, job("Barista"), client, key).expect(201);
        Api.Response retry = post(JOBS, job("Barista"), client, key).expect(201);

        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Content-Type")).isEqualTo(first.header("Content-Type"));
        assertThat(onlyJobIdsOf(client, first.json().get("jobId").asText()))
                .as("one job posted for the key").containsExactly(first.json().get("jobId").asText());
    }

    /** Secrets are kept only hashed, so an answer holding one (a share link's token) is not stored for replays. */
    static final Set<String> CREATING_BUT_NOT_REPLAYED = Set.of("createLocationShare");

    /**
     * The request names what it creates (a device by its token), so sending it again is already harmless: it
     * answers 200 with the same body and changes nothing (DevicesIT), without a key.
     */
    static final Set<String> IDEMPOTENT_BY_WHAT_THEY_NAME = Set.of("registerDevice");

    @Test
    void everyPostThatCreatesSomethingTakesAKeyAndSaysSoInTheDocument() {
        JsonNode paths = api.get("/v3/api-docs", null).expect(200).json().get("paths");
        List<String> creating = new ArrayList<>();
        List<String> withKey = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode op = operation.getValue();
                String id = op.get("operationId").asText();
                if (operation.getKey().equals("post") && op.get("responses").has("201")
                        && !CREATING_BUT_NOT_REPLAYED.contains(id) && !IDEMPOTENT_BY_WHAT_THEY_NAME.contains(id)) {
                    creating.add(id);
                }
                if (op.path("parameters").findValuesAsString("name").contains("Idempotency-Key")) {
                    withKey.add(id);
                    assertThat(op.get("responses").path("422").path("description").asText()).as(id).contains("IDEMPOTENCY_KEY_REUSED");
                    assertThat(op.get("responses").path("409").path("description").asText()).as(id).contains("IDEMPOTENCY_KEY_IN_USE");
                    assertThat(op.get("responses").path("201").path("headers").has("Idempotent-Replayed")).as(id).isTrue();
                }
            }
        }
        assertThat(creating).contains("registerUser", "postJob", "applyToJob", "openDispute", "addDisputeEvidence",
                "rateJob", "fileReport");
        assertThat(withKey).as("the operations taking an Idempotency-Key").containsExactlyInAnyOrderElementsOf(creating);
    }

    @Test
    void theSameBodyWrittenAnotherWayIsTheSameRequest() {
        Api.User client = api.signUp("CLIENT");
        String key = UUID.randomUUID().toString();
        Instant start = Instant.now().plus(Duration.ofDays(2));
        String compact = """
                {"title":"Cook","description":"Jollof for 80","requiredSkills":["cook"],\
                "location":{"lat":6.4541,"lng":3.3947,"address":"1 Marina, Lagos"},\
                "shift":{"start":"%s","end":"%s"},"pay":{"amount":1500000,"currency":"NGN"}}"""
                .formatted(start, start.plus(Duration.ofHours(4)));
        String reordered = """
                {
                  "pay": {"currency": "NGN", "amount": 1500000},
                  "shift": {"end": "%s", "start": "%s"},
                  "location": {"address": "1 Marina, Lagos", "lng": 3.3947, "lat": 6.4541},
                  "requiredSkills": ["cook"], "description": "Jollof for 80", "title": "Cook"
                }""".formatted(start.plus(Duration.ofHours(4)), start);

        Api.Response first = post(JOBS, compact, client, key).expect(201);
        Api.Response retry = post(JOBS, reordered, client, key).expect(201);

        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
    }

    @Test
    void theSameKeyForAnotherBodyOrAnotherEndpointIsRefusedAndDoesNothing() {
        Api.User client = api.signUp("CLIENT");
        Api.User worker = api.signUp("WORKER");
        String key = UUID.randomUUID().toString();
        String jobId = post(JOBS, job("Barista"), client, key).expect(201).json().get("jobId").asText();

        assertProblem(post(JOBS, job("Waiter"), client, key), 422, "IDEMPOTENCY_KEY_REUSED");
        Map<String, String> report = Map.of("subjectType", "USER", "subjectId", worker.id(), "reason", "Rude on the phone");
        assertProblem(post("/api/v1/reports", report, client, key), 422, "IDEMPOTENCY_KEY_REUSED");

        // the refused report was not filed: this one is not ALREADY_REPORTED
        post("/api/v1/reports", report, client, UUID.randomUUID().toString()).expect(201);
        assertThat(onlyJobIdsOf(client, jobId)).as("the refused job was not posted").containsExactly(jobId);
    }

    @Test
    void keysAreTheCallersOwn() {
        String key = UUID.randomUUID().toString();
        Api.Response mine = post(JOBS, job("Barista"), api.signUp("CLIENT"), key).expect(201);
        Api.Response theirs = post(JOBS, job("Barista"), api.signUp("CLIENT"), key).expect(201);

        assertThat(theirs.header("Idempotent-Replayed")).isNull();
        assertThat(theirs.json().get("jobId").asText()).isNotEqualTo(mine.json().get("jobId").asText());
    }

    @Test
    void aKeyIsOneTo255VisibleCharactersSentOnce() throws Exception {
        Api.User client = api.signUp("CLIENT");
        for (String bad : List.of("", "   ", "k".repeat(256))) {
            Api.Response refused = post(JOBS, job("Barista"), client, bad);
            assertProblem(refused, 400, "INVALID_REQUEST");
            assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("Idempotency-Key");
        }
        assertProblem(postWithTwoKeys(client), 400, "INVALID_REQUEST");
        post(JOBS, job("Barista"), client, "k".repeat(255)).expect(201);
    }

    @Test
    void theRoleIsCheckedBeforeTheKey() {
        Api.User worker = api.signUp("WORKER");
        assertProblem(post(JOBS, job("Barista"), worker, "k".repeat(256)), 403, "FORBIDDEN");
    }

    @Test
    void aRefusedRequestKeepsNoAnswerSoItsKeyMayBeSentAgainCorrected() {
        Api.User client = api.signUp("CLIENT");
        String key = UUID.randomUUID().toString();
        Map<String, Object> inThePast = job("Barista", Instant.now().minus(Duration.ofDays(1)));

        assertProblem(post(JOBS, inThePast, client, key), 400, "SHIFT_IN_THE_PAST");
        assertProblem(post(JOBS, inThePast, client, key), 400, "SHIFT_IN_THE_PAST");
        Api.Response corrected = post(JOBS, job("Barista"), client, key).expect(201);
        assertThat(corrected.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void concurrentRequestsWithOneKeyActOnce() throws Exception {
        Api.User client = api.signUp("CLIENT");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = job("Barista");
        List<Api.Response> answers = all(8, () -> post(JOBS, body, client, key));

        List<Api.Response> acted = answers.stream().filter(a -> a.status() == 201 && a.header("Idempotent-Replayed") == null).toList();
        assertThat(acted).as("exactly one request acted").hasSize(1);
        String jobId = acted.get(0).json().get("jobId").asText();
        for (Api.Response answer : answers) {
            if (answer.status() == 201) {
                assertThat(answer.json().get("jobId").asText()).isEqualTo(jobId);
            } else {
                assertProblem(answer, 409, "IDEMPOTENCY_KEY_IN_USE");
                assertThat(answer.header("Retry-After")).isEqualTo("1");
            }
        }
        assertThat(post(JOBS, body, client, key).expect(201).json().get("jobId").asText()).isEqualTo(jobId);
        assertThat(onlyJobIdsOf(client, jobId)).containsExactly(jobId);
    }

    @Test
    void aKeyWhoseRequestNeverFinishedIsFreedAfterTheClaimTimeout() {
        Api.User client = api.signUp("CLIENT");
        String key = UUID.randomUUID().toString();
        String body = JSON.writeValueAsString(job("Barista", Instant.now().plus(Duration.ofDays(3))));
        // an instance claimed the key and died before it answered
        keys.claim(client.id(), key, RequestFingerprint.of("POST", JOBS, null, body.getBytes(StandardCharsets.UTF_8),
                RequestFingerprint.keyFrom(accessTokenKey)));

        assertProblem(post(JOBS, body, client, key), 409, "IDEMPOTENCY_KEY_IN_USE");
        CLOCK.moveBy(properties.claimTimeout().plusSeconds(1));
        Api.Response retried = post(JOBS, body, client, key).expect(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
        assertThat(post(JOBS, body, client, key).expect(201).header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aKeyIsKept24HoursThenForgottenAndPurged() {
        Api.User client = api.signUp("CLIENT");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = job("Barista", Instant.now().plus(Duration.ofDays(3)));
        String first = post(JOBS, body, client, key).expect(201).json().get("jobId").asText();

        CLOCK.moveBy(Duration.ofHours(24).minusMinutes(1));
        assertThat(post(JOBS, body, client, key).expect(201).header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(IdempotencyConfiguration.purge(keys, CLOCK, properties)).isZero();
        assertThat(rowsOf(client)).isEqualTo(1);

        CLOCK.moveBy(Duration.ofMinutes(2));
        assertThat(IdempotencyConfiguration.purge(keys, CLOCK, properties)).isGreaterThanOrEqualTo(1);
        assertThat(rowsOf(client)).isZero();
        Api.Response after = post(JOBS, body, client, key).expect(201);
        assertThat(after.header("Idempotent-Replayed")).isNull();
        assertThat(after.json().get("jobId").asText()).as("after 24 h the key acts anew").isNotEqualTo(first);
    }

    @Test
    void anExpiredKeyIsIgnoredBeforeItIsPurged() {
        Api.User client = api.signUp("CLIENT");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = job("Barista", Instant.now().plus(Duration.ofDays(3)));
        String first = post(JOBS, body, client, key).expect(201).json().get("jobId").asText();

        CLOCK.moveBy(Duration.ofHours(24).plusMinutes(1));
        assertThat(post(JOBS, job("Another", Instant.now().plus(Duration.ofDays(3))), client, key).expect(201)
                .json().get("jobId").asText()).isNotEqualTo(first);
    }

    // Every endpoint that creates something: a retry is answered as the first time, and acts once.

    @Test
    void aRetriedRegistrationRegistersOnce() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> registration = Api.registration("retry-" + UUID.randomUUID() + "@example.com", "WORKER");
        Api.Response first = api.send("POST", "/api/v1/auth/register", registration, null, Map.of("Idempotency-Key", key));
        Api.Response retry = api.send("POST", "/api/v1/auth/register", registration, null, Map.of("Idempotency-Key", key));
        assertReplayed(first.expect(201), retry);  // registering twice would be 409 EMAIL_TAKEN
        Map<String, Object> other = Api.registration("other-" + UUID.randomUUID() + "@example.com", "WORKER");
        assertProblem(api.send("POST", "/api/v1/auth/register", other, null, Map.of("Idempotency-Key", key)),
                422, "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void aRetriedApplicationAppliesOnce() {
        Marketplace market = new Marketplace(api);
        Api.User worker = market.worker();
        String applications = JOBS + "/" + market.jobStartingSoon(api.signUp("CLIENT")) + "/applications";
        Map<String, String> note = Map.of("note", "Five years behind a bar");
        assertOnce(applications, note, worker, Map.of("note", "Six years")); // applying twice: 409 ALREADY_APPLIED
    }

    @Test
    void aRetriedDisputeOpensOnceAndRetriedEvidenceIsAddedOnce() {
        Marketplace market = new Marketplace(api);
        Marketplace.Hire hire = market.hiredShift();
        market.payByWebhook(hire.answer(), hire.client(), hire.jobId());
        String disputeId = assertOnce(JOBS + "/" + hire.jobId() + "/disputes",
                Map.of("reason", "no show", "details", "Nobody came"), hire.client(),
                Map.of("reason", "no show", "details", "Nobody came at all")) // opening twice: 409 DISPUTE_ALREADY_OPEN
                .json().get("disputeId").asText();

        String evidence = "/api/v1/disputes/" + disputeId + "/evidence";
        assertOnce(evidence, Map.of("text", "Photo of the empty bar"), hire.client(), Map.of("text", "Another photo"));
        post(evidence, Map.of("text", "The manager's note"), hire.client(), UUID.randomUUID().toString()).expect(201);
        JsonNode dispute = market.awaitJson("/api/v1/disputes/" + disputeId, hire.client().accessToken(),
                view -> view.get("evidence").findValuesAsString("text").contains("The manager's note"));
        assertThat(dispute.get("evidence").findValuesAsString("text"))
                .as("the retried evidence was added once").containsExactly("Photo of the empty bar", "The manager's note");
    }

    @Test
    void aRetriedRatingRatesOnce() {
        Marketplace market = new Marketplace(api);
        Marketplace.Hire hire = market.hiredShift();
        market.completedShift(hire);
        assertOnce(JOBS + "/" + hire.jobId() + "/ratings", Map.of("stars", 5, "comment", "On time"), hire.client(),
                Map.of("stars", 4)); // rating twice: 409 ALREADY_RATED
    }

    @Test
    void aRetriedReportReportsOnce() {
        Api.User reporter = api.signUp("CLIENT");
        assertOnce("/api/v1/reports", Map.of("subjectType", "USER", "subjectId", api.signUp("WORKER").id(),
                "reason", "Asked to be paid outside the app"), reporter,
                Map.of("subjectType", "USER", "subjectId", reporter.id(), "reason", "other")); // twice: ALREADY_REPORTED
    }

    /** The request twice with one key: the same answer, replayed; the key with {@code other} is refused. */
    private Api.Response assertOnce(String path, Object body, Api.User caller, Object other) {
        String key = UUID.randomUUID().toString();
        Api.Response first = post(path, body, caller, key).expect(201);
        assertReplayed(first, post(path, body, caller, key));
        assertProblem(post(path, other, caller, key), 422, "IDEMPOTENCY_KEY_REUSED");
        return first;
    }

    private static void assertReplayed(Api.Response first, Api.Response retry) {
        assertThat(retry.status()).as(retry.body()).isEqualTo(first.status());
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
    }

    /** Two Idempotency-Key header lines in one request (the test client sends one of each name). */
    private Api.Response postWithTwoKeys(Api.User client) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + JOBS))
                .header("Authorization", "Bearer " + client.accessToken())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "first").header("Idempotency-Key", "second")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(job("Barista")))).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return new Api.Response(response.statusCode(), response.headers().map(), response.body());
    }

    private Api.Response post(String path, Object body, Api.User caller, String key) {
        return api.send("POST", path, body, caller.accessToken(), Map.of("Idempotency-Key", key));
    }

    /** The client's jobs once {@code expected} is visible, with a job posted after it (so that all before it are). */
    private List<String> onlyJobIdsOf(Api.User client, String expected) {
        String marker = api.post(JOBS, job("Marker"), client.accessToken()).expect(201).json().get("jobId").asText();
        List<String> ids = await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get(JOBS + "?mine=true&size=100", client.accessToken()).expect(200).json().get("items")
                        .findValuesAsString("jobId"), seen -> seen.contains(marker) && seen.contains(expected));
        List<String> without = new ArrayList<>(ids);
        without.remove(marker);
        return without;
    }

    private long rowsOf(Api.User caller) {
        return jdbc.sql("SELECT COUNT(*) FROM idempotency_key WHERE caller = :caller").param("caller", caller.id())
                .query(Long.class).single();
    }

    private static List<Api.Response> all(int n, Callable<Api.Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    static Map<String, Object> job(String title) {
        return job(title, START);
    }

    static Map<String, Object> job(String title, Instant start) {
        return Map.of("title", title, "description", "An evening shift", "requiredSkills", List.of("barista"),
                "location", Map.of("lat", Marketplace.SITE.get("lat"), "lng", Marketplace.SITE.get("lng"), "address", "1 Marina, Lagos"),
                "shift", Map.of("start", start.toString(), "end", start.plus(Duration.ofHours(4)).toString()),
                "pay", Map.of("amount", Marketplace.PAY, "currency", "NGN"));
    }

    static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).as("problem+json").isTrue();
        assertThat(response.json().get("code").asText()).isEqualTo(code);
    }
}
