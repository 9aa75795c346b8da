package dev.gigstream.api.audit;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.query.feed.JobFeedProjection;
import dev.gigstream.query.feed.OpenJobIndex;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Auditors read the history of a hire through real HTTP: a job's events with who caused them, its
 * state before and after the hire rebuilt from those events, the global stream as NDJSON; every
 * read is itself recorded. Admins see the projections' lag and replay the job feed while it answers.
 */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD,
        "gigstream.auth.auditor.email=" + AuditIT.AUDITOR_EMAIL,
        "gigstream.auth.auditor.password=" + AuditIT.AUDITOR_PASSWORD})
class AuditIT {

    static final String AUDITOR_EMAIL = "auditor@gigstream.test";
    static final String AUDITOR_PASSWORD = "auditor password for tests";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> OFFERS = Set.of("JobOffered", "JobOfferWaveDue");

    @Autowired
    Api api;

    @Test
    void aJobsEventsComeInOrderWithWhoCausedThem() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var worker = market.worker();
        String correlationId = "audit-" + UUID.randomUUID();
        String jobId = postJob(client, correlationId);
        market.hire(client, worker, jobId);

        JsonNode all = api.get("/api/v1/audit/aggregates/" + jobId + "/events", auditor().accessToken())
                .expect(200).json();

        assertThat(all.findValues("sequence").stream().map(JsonNode::asLong))
                .containsExactlyElementsOf(LongStream.range(0, all.size()).boxed().toList());
        List<JsonNode> events = decided(all);
        assertThat(events.stream().map(e -> e.get("type").asText())).containsExactly("JobPosted", "WorkerApplied", "WorkerHired");
        JsonNode posted = events.get(0);
        assertThat(posted.get("payload").get("jobId").asText()).isEqualTo(jobId);
        assertThat(posted.get("payload").get("pay").get("amount").asLong()).isEqualTo(Marketplace.PAY);
        assertThat(posted.get("payload").get("pay").propertyNames()).as("money is stored as {amount, currency}")
                .containsExactlyInAnyOrder("amount", "currency");
        assertThat(posted.get("metadata").get("userId").asText()).isEqualTo(client.id());
        assertThat(posted.get("metadata").get("correlationId").asText()).isEqualTo(correlationId);
        assertThat(posted.get("metadata").get("source").asText()).isEqualTo("api");
        assertThat(events.get(1).get("metadata").get("userId").asText()).isEqualTo(worker.id());
        assertThat(events.get(2).get("metadata").get("userId").asText()).isEqualTo(client.id());
        assertThat(events.get(2).get("metadata").get("correlationId").asText()).isNotEqualTo(correlationId);
        assertThat(Instant.parse(events.get(2).get("timestamp").asText()))
                .isAfterOrEqualTo(Instant.parse(events.get(0).get("timestamp").asText()));
    }

    @Test
    void aJobsStateBeforeAndAfterItsHireDiffersAsItsEventsSay() {
        var market = new Marketplace(api);
        var shift = market.hiredShift();
        var auditor = auditor();
        List<JsonNode> events = decided(api.get("/api/v1/audit/aggregates/" + shift.jobId() + "/events",
                auditor.accessToken()).expect(200).json());
        Instant applied = Instant.parse(events.get(1).get("timestamp").asText());
        Instant hired = Instant.parse(events.get(2).get("timestamp").asText());

        JsonNode beforeHire = state(shift.jobId(), applied, auditor).expect(200).json();
        assertThat(beforeHire.get("type").asText()).isEqualTo("Job");
        assertThat(beforeHire.get("sequence").asLong()).isGreaterThanOrEqualTo(events.get(1).get("sequence").asLong());
        assertThat(beforeHire.get("state").get("status").asText()).isEqualTo("OPEN");
        assertThat(beforeHire.get("state").get("hiredWorkerId").isNull()).isTrue();
        assertThat(texts(beforeHire.get("state").get("applicants"))).containsExactly(shift.worker().id());

        JsonNode afterHire = state(shift.jobId(), hired, auditor).expect(200).json();
        assertThat(afterHire.get("sequence").asLong()).isGreaterThanOrEqualTo(events.get(2).get("sequence").asLong());
        assertThat(afterHire.get("state").get("status").asText()).isEqualTo("HIRED");
        assertThat(afterHire.get("state").get("hiredWorkerId").asText()).isEqualTo(shift.worker().id());
        assertThat(afterHire.get("state").get("escrowId").asText()).isEqualTo(shift.escrowId());

        JsonNode now = api.get("/api/v1/audit/aggregates/" + shift.jobId() + "/state", auditor.accessToken()).expect(200).json();
        assertThat(now.get("state").get("status").asText()).isEqualTo("HIRED");
        assertThat(code(state(shift.jobId(), applied.minus(Duration.ofDays(1)), auditor), 404))
                .isEqualTo("AGGREGATE_NOT_YET_CREATED");

        JsonNode escrow = market.awaitJson("/api/v1/audit/aggregates/" + shift.escrowId() + "/state", admin().accessToken(),
                view -> "AWAITING_FUNDING".equals(view.get("state").get("status").asText()));
        assertThat(escrow.get("type").asText()).isEqualTo("EscrowPayment");
        assertThat(escrow.get("state").get("total").get("amount").asLong()).isEqualTo(1_650_000);
        assertThat(escrow.get("state").has("payouts")).as("the payout attempts member").isTrue();
        assertThat(escrow.get("state").get("flags").has("reasons")).as("the operator flags member").isTrue();
        JsonNode workerState = api.get("/api/v1/audit/aggregates/" + shift.worker().id() + "/state", auditor.accessToken())
                .expect(200).json();
        assertThat(workerState.get("type").asText()).isEqualTo("Worker");
        assertThat(texts(workerState.get("state").get("skills"))).containsExactly("barista");
    }

    @Test
    void aDisputesStateIsRebuiltToo() {
        var market = new Marketplace(api);
        var shift = market.hiredShift();
        market.payByWebhook(shift.answer(), shift.client(), shift.jobId());
        String disputeId = api.post("/api/v1/jobs/" + shift.jobId() + "/disputes",
                Map.of("reason", "no show", "details", "nobody came"), shift.client().accessToken())
                .expect(201).json().get("disputeId").asText();

        JsonNode dispute = api.get("/api/v1/audit/aggregates/" + disputeId + "/state", auditor().accessToken())
                .expect(200).json();

        assertThat(dispute.get("type").asText()).isEqualTo("Dispute");
        assertThat(dispute.get("state").get("status").asText()).isEqualTo("OPEN");
        assertThat(dispute.get("state").get("openedBy").asText()).isEqualTo(shift.client().id());
    }

    @Test
    void theEventStreamAfterAPositionComesInOrderWithItsPositions() {
        var market = new Marketplace(api);
        var shift = market.hiredShift();
        var auditor = auditor();
        List<JsonNode> everything = ndjson(api.get("/api/v1/audit/events?limit=10000", auditor.accessToken()));
        JsonNode posted = everything.stream()
                .filter(e -> shift.jobId().equals(e.path("aggregateId").asText()) && "JobPosted".equals(e.get("type").asText()))
                .findFirst().orElseThrow();
        long after = posted.get("position").asLong();

        var response = api.get("/api/v1/audit/events?after=" + after, auditor.accessToken()).expect(200);
        assertThat(response.header("Content-Type")).startsWith("application/x-ndjson");
        List<JsonNode> rest = ndjson(response);

        assertThat(rest).isNotEmpty();
        List<Long> positions = rest.stream().map(e -> e.get("position").asLong()).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates().allMatch(position -> position > after);
        assertThat(rest.stream().filter(e -> shift.jobId().equals(e.path("aggregateId").asText()))
                .map(e -> e.get("type").asText()).filter(type -> !OFFERS.contains(type)))
                .containsExactly("WorkerApplied", "WorkerHired");
        JsonNode applied = rest.stream().filter(e -> "WorkerApplied".equals(e.get("type").asText())
                && shift.jobId().equals(e.path("aggregateId").asText())).findFirst().orElseThrow();
        assertThat(applied.get("aggregateType").asText()).isEqualTo("Job");
        assertThat(applied.get("sequence").asLong()).isPositive();
        assertThat(applied.get("eventId").asText()).isNotBlank();
        assertThat(applied.get("payload").get("workerId").asText()).isEqualTo(shift.worker().id());
        assertThat(applied.get("metadata").get("userId").asText()).isEqualTo(shift.worker().id());

        List<JsonNode> two = ndjson(api.get("/api/v1/audit/events?after=" + after + "&limit=2", auditor.accessToken()));
        assertThat(two.stream().map(e -> e.get("position").asLong())).containsExactlyElementsOf(positions.subList(0, 2));
        assertThat(ndjson(api.get("/api/v1/audit/events?after=1000000000", auditor.accessToken()))).isEmpty();
    }

    @Test
    void badInputIsRefusedWithItsCode() {
        var auditor = auditor();
        String jobId = new Marketplace(api).jobStartingSoon(api.signUp("CLIENT"));
        for (String limit : new String[]{"0", "10001", "-5"}) {
            assertThat(code(api.get("/api/v1/audit/events?limit=" + limit, auditor.accessToken()), 400))
                    .isEqualTo("LIMIT_OUT_OF_RANGE");
        }
        for (String after : new String[]{"abc", "-2", "1.5"}) {
            assertThat(code(api.get("/api/v1/audit/events?after=" + after, auditor.accessToken()), 400))
                    .isEqualTo("INVALID_POSITION");
        }
        for (String at : new String[]{"yesterday", "2026-13-01T00:00:00Z", "2026-12-01"}) {
            assertThat(code(api.get("/api/v1/audit/aggregates/" + jobId + "/state?at=" + at, auditor.accessToken()), 400))
                    .isEqualTo("INVALID_INSTANT");
        }
        assertThat(code(api.get("/api/v1/audit/reads?limit=0", auditor.accessToken()), 400)).isEqualTo("LIMIT_OUT_OF_RANGE");
        String unknown = UUID.randomUUID().toString();
        assertThat(code(api.get("/api/v1/audit/aggregates/" + unknown + "/events", auditor.accessToken()), 404))
                .isEqualTo("AGGREGATE_NOT_FOUND");
        assertThat(code(api.get("/api/v1/audit/aggregates/" + unknown + "/state", auditor.accessToken()), 404))
                .isEqualTo("AGGREGATE_NOT_FOUND");
        assertThat(code(api.post("/api/v1/admin/projections/no-such-projection/replay", null, admin().accessToken()), 404))
                .isEqualTo("PROJECTION_NOT_FOUND");
        assertThat(code(api.post("/api/v1/admin/projections/" + OpenJobIndex.NAME + "/replay", null, admin().accessToken()), 409))
                .isEqualTo("REPLAY_NOT_SUPPORTED");
    }

    @Test
    void onlyAuditorsAndAdminsReadTheAuditTrailAndOnlyAdminsTheProjections() {
        var market = new Marketplace(api);
        var shift = market.hiredShift();
        String marker = UUID.randomUUID().toString();
        List<String> audit = List.of("/api/v1/audit/aggregates/" + shift.jobId() + "/events?m=" + marker,
                "/api/v1/audit/aggregates/" + shift.jobId() + "/state?m=" + marker,
                "/api/v1/audit/events?m=" + marker, "/api/v1/audit/reads?m=" + marker);
        for (var user : List.of(shift.client(), shift.worker())) {
            for (String path : audit) {
                assertThat(code(api.get(path, user.accessToken()), 403)).as(path).isEqualTo("FORBIDDEN");
            }
        }
        var auditor = auditor();
        for (var user : List.of(shift.client(), shift.worker(), auditor)) {
            assertThat(code(api.get("/api/v1/admin/projections", user.accessToken()), 403)).isEqualTo("FORBIDDEN");
            assertThat(code(api.post("/api/v1/admin/projections/" + JobFeedProjection.NAME + "/replay", null,
                    user.accessToken()), 403)).isEqualTo("FORBIDDEN");
        }
        assertThat(api.get("/api/v1/audit/events?limit=1", null).status()).isEqualTo(401);

        api.get("/api/v1/audit/aggregates/" + shift.jobId() + "/events", auditor.accessToken()).expect(200);
        api.get("/api/v1/audit/events?after=3&limit=5", admin().accessToken()).expect(200);

        String auditorId = api.get("/api/v1/me", auditor.accessToken()).expect(200).json().get("userId").asText();
        JsonNode reads = api.get("/api/v1/audit/reads?limit=50", auditor.accessToken()).expect(200).json().get("items");
        assertThat(reads.get(0).get("what").asText()).isEqualTo("/api/v1/audit/reads?limit=50");
        assertThat(StreamSupport.stream(reads.spliterator(), false)
                .filter(read -> read.get("what").asText().equals("/api/v1/audit/aggregates/" + shift.jobId() + "/events")))
                .singleElement().satisfies(read -> {
                    assertThat(read.get("readerId").asText()).isEqualTo(auditorId);
                    assertThat(read.get("readerRole").asText()).isEqualTo("AUDITOR");
                    assertThat(Instant.parse(read.get("at").asText())).isBefore(Instant.now().plusSeconds(1));
                });
        assertThat(reads.findValuesAsString("what")).contains("/api/v1/audit/events?after=3&limit=5")
                .noneMatch(what -> what.contains(marker));
        assertThat(reads.get(1).get("readerRole").asText()).isEqualTo("ADMIN");
    }

    @Test
    void replayingTheJobFeedRebuildsItWhileItKeepsAnswering() {
        var market = new Marketplace(api);
        var shift = market.hiredShift();
        var admin = admin();
        String mine = "/api/v1/jobs?mine=true";
        market.awaitJson(mine, shift.client().accessToken(), page -> page.get("items").findValuesAsString("jobId").contains(shift.jobId()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jobFeed(admin).get("lag").asLong() == 0);
        assertThat(jobFeed(admin).get("replaying").asBoolean()).isFalse();
        assertThat(jobFeed(admin).get("position").asLong()).isNotNegative();

        api.post("/api/v1/admin/projections/" + JobFeedProjection.NAME + "/replay", null, admin.accessToken()).expect(202);

        assertThat(api.get(mine, shift.client().accessToken()).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var page = api.get(mine, shift.client().accessToken());
            assertThat(page.status()).as("the feed answers during the replay").isEqualTo(200);
            JsonNode feed = jobFeed(admin);
            return page.json().get("items").findValuesAsString("jobId").contains(shift.jobId())
                    && !feed.get("replaying").asBoolean() && feed.get("lag").asLong() == 0;
        });
        JsonNode job = api.get("/api/v1/jobs/" + shift.jobId(), shift.client().accessToken()).expect(200).json();
        assertThat(job.get("status").asText()).isEqualTo("HIRED");
        assertThat(job.get("timeline").findValuesAsString("status")).containsExactly("OPEN", "HIRED");
    }

    private JsonNode jobFeed(Api.User admin) {
        JsonNode projections = api.get("/api/v1/admin/projections", admin.accessToken()).expect(200).json();
        return StreamSupport.stream(projections.spliterator(), false)
                .filter(p -> JobFeedProjection.NAME.equals(p.get("name").asText()))
                .findFirst().orElseThrow();
    }

    private Api.Response state(String aggregateId, Instant at, Api.User reader) {
        return api.get("/api/v1/audit/aggregates/" + aggregateId + "/state?at=" + at, reader.accessToken());
    }

    private String postJob(Api.User client, String correlationId) {
        Instant start = Instant.now().plus(Duration.ofMinutes(30));
        return api.send("POST", "/api/v1/jobs", Map.of("title", "Barista for a launch", "description", "Espresso bar",
                "requiredSkills", List.of("barista"),
                "location", Map.of("lat", Marketplace.SITE.get("lat"), "lng", Marketplace.SITE.get("lng"), "address", "1 Marina"),
                "shift", Map.of("start", start.toString(), "end", start.plus(Duration.ofHours(8)).toString()),
                "pay", Map.of("amount", Marketplace.PAY, "currency", "NGN")), client.accessToken(),
                Map.of("X-Correlation-Id", correlationId)).expect(201).json().get("jobId").asText();
    }

    private Api.User auditor() {
        return api.logIn(AUDITOR_EMAIL, AUDITOR_PASSWORD, null);
    }

    private Api.User admin() {
        return new Marketplace(api).admin();
    }

    private static List<JsonNode> ndjson(Api.Response response) {
        response.expect(200);
        return Arrays.stream(response.body().split("\n")).filter(line -> !line.isBlank()).map(JSON::readTree).toList();
    }

    /** A job's events but its offers, which the matching policy asks for on its own time. */
    private static List<JsonNode> decided(JsonNode events) {
        return StreamSupport.stream(events.spliterator(), false)
                .filter(event -> !OFFERS.contains(event.get("type").asText())).toList();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static String code(Api.Response response, int status) {
        response.expect(status);
        assertThat(response.isProblem()).isTrue();
        return response.json().get("code").asText();
    }
}
