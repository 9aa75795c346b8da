package dev.gigstream.api.compliance;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.worker.WorkerProfileUpdated;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Compliance flags through real HTTP: a client posting a job with a phone number and "pay me
 * directly" is flagged once with the posting as evidence, two workers paid out to one account flag
 * the account, and an admin (only an admin) lists and acknowledges the flags.
 */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD,
        "gigstream.auth.auditor.email=" + ComplianceFlagsIT.AUDITOR_EMAIL,
        "gigstream.auth.auditor.password=" + ComplianceFlagsIT.AUDITOR_PASSWORD})
class ComplianceFlagsIT {

    static final String AUDITOR_EMAIL = "auditor@gigstream.test";
    static final String AUDITOR_PASSWORD = "auditor password for tests";
    private static final String FLAGS = "/api/v1/admin/compliance/flags";

    @Autowired
    Api api;

    @Autowired
    EventStore events;

    @Test
    void aJobOfferingToBePaidDirectlyIsFlaggedOnceAndAnAdminAcknowledgesIt() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        String jobId = postJob(client, "Espresso bar for a launch. Call me on 0803 123 4567, pay me directly");
        postJob(client, "Espresso bar, 8 hours from 08:00 on 2026-12-01, ₦15,000, Lagos 100001");
        String postedEventId = eventIdOf(jobId, JobPosted.class).get(0);
        var admin = market.admin();

        JsonNode flag = awaitFlag(admin, "OFF_PLATFORM_CONTACT", client.id());
        assertThat(flag.get("evidence").size()).isEqualTo(1);
        assertThat(flag.get("evidence").get(0).asText()).isEqualTo(postedEventId);
        assertThat(flag.get("acknowledged").asBoolean()).isFalse();
        assertThat(flag.get("details").get("jobId").asText()).isEqualTo(jobId);
        assertThat(flag.get("details").get("description").asText()).contains("…4567", "pay me directly")
                .doesNotContain("0803 123");
        Instant.parse(flag.get("raisedAt").asText());
        String flagId = flag.get("flagId").asText();
        assertThat(flagsOf(admin, "?acknowledged=false")).as("listed once; the clean job raised nothing")
                .filteredOn(f -> f.get("subjectId").asText().equals(client.id())).hasSize(1);

        for (var other : List.of(api.signUp("WORKER"), client, auditor())) {
            assertThat(api.get(FLAGS, other.accessToken()).status()).isEqualTo(403);
            assertThat(api.post(FLAGS + "/" + flagId + "/acknowledge", Map.of("note", "seen"), other.accessToken()).status())
                    .isEqualTo(403);
        }
        assertThat(api.get(FLAGS, null).status()).isEqualTo(401);

        String acknowledge = FLAGS + "/" + flagId + "/acknowledge";
        assertThat(code(api.post(acknowledge, Map.of(), admin.accessToken()), 400)).isEqualTo("INVALID_REQUEST");
        assertThat(code(api.post(acknowledge, Map.of("note", " "), admin.accessToken()), 400)).isEqualTo("INVALID_REQUEST");
        assertThat(code(api.post(acknowledge, Map.of("note", "x".repeat(2_001)), admin.accessToken()), 400))
                .isEqualTo("INVALID_REQUEST");
        assertThat(code(api.get(FLAGS + "?limit=0", admin.accessToken()), 400)).isEqualTo("INVALID_REQUEST");
        assertThat(code(api.get(FLAGS + "?rule=SPEEDING", admin.accessToken()), 400)).isEqualTo("INVALID_REQUEST");
        assertThat(code(api.post(FLAGS + "/" + UUID.randomUUID() + "/acknowledge", Map.of("note", "seen"),
                admin.accessToken()), 404)).isEqualTo("FLAG_NOT_FOUND");

        api.post(acknowledge, Map.of("note", "Warned the client about paying outside the platform"), admin.accessToken())
                .expect(202);
        api.post(acknowledge, Map.of("note", "again"), admin.accessToken()).expect(202);

        String adminId = api.get("/api/v1/me", admin.accessToken()).expect(200).json().get("userId").asText();
        JsonNode acknowledged = await().atMost(Duration.ofSeconds(20)).until(() -> flagsOf(admin, "?acknowledged=true").stream()
                .filter(f -> f.get("flagId").asText().equals(flagId)).findFirst().orElse(null), f -> f != null);
        assertThat(acknowledged.get("acknowledged").asBoolean()).isTrue();
        assertThat(acknowledged.get("acknowledgedBy").asText()).isEqualTo(adminId);
        assertThat(acknowledged.get("note").asText()).as("the first acknowledgement stands")
                .isEqualTo("Warned the client about paying outside the platform");
        assertThat(flagsOf(admin, "?acknowledged=false")).noneMatch(f -> f.get("flagId").asText().equals(flagId));
    }

    @Test
    void twoWorkersPaidOutToOneAccountFlagTheAccountWithBothProfiles() {
        var market = new Marketplace(api);
        var first = market.worker("0123456789");
        var second = market.worker("0123456789");
        var admin = market.admin();

        JsonNode flag = await().atMost(Duration.ofSeconds(20)).until(() -> flagsOf(admin, "?rule=SHARED_PAYOUT_ACCOUNT").stream()
                .filter(f -> f.get("details").get("workerIds").asText().contains(second.id())).findFirst().orElse(null),
                f -> f != null);

        assertThat(flag.get("details").get("workerIds").asText()).contains(first.id());
        assertThat(flag.get("details").get("accountEnding").asText()).isEqualTo("6789");
        assertThat(flag.toString()).doesNotContain("0123456789");
        List<String> evidence = new ArrayList<>();
        flag.get("evidence").forEach(id -> evidence.add(id.asText()));
        assertThat(evidence).contains(eventIdOf(first.id(), WorkerProfileUpdated.class).get(0),
                eventIdOf(second.id(), WorkerProfileUpdated.class).get(0));
    }

    private String postJob(Api.User client, String description) {
        Instant start = Instant.now().plus(Duration.ofDays(1));
        return api.post("/api/v1/jobs", Map.of("title", "Barista for a launch", "description", description,
                "requiredSkills", List.of("barista"),
                "location", Map.of("lat", Marketplace.SITE.get("lat"), "lng", Marketplace.SITE.get("lng"), "address", "1 Marina, Lagos"),
                "shift", Map.of("start", start.toString(), "end", start.plus(Duration.ofHours(8)).toString()),
                "pay", Map.of("amount", Marketplace.PAY, "currency", "NGN")), client.accessToken())
                .expect(201).json().get("jobId").asText();
    }

    private JsonNode awaitFlag(Api.User admin, String rule, String subjectId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> flagsOf(admin, "?rule=" + rule).stream()
                .filter(f -> f.get("subjectId").asText().equals(subjectId)).findFirst().orElse(null), f -> f != null);
    }

    private List<JsonNode> flagsOf(Api.User admin, String query) {
        List<JsonNode> flags = new ArrayList<>();
        api.get(FLAGS + query, admin.accessToken()).expect(200).json().forEach(flags::add);
        return flags;
    }

    /** The identifiers of the aggregate's events of that type, in order. */
    private List<String> eventIdOf(String aggregateId, Class<?> type) {
        return events.readEvents(aggregateId).asStream()
                .filter(event -> type.isAssignableFrom(event.getPayloadType()))
                .map(DomainEventMessage::getIdentifier)
                .toList();
    }

    private Api.User auditor() {
        return api.logIn(AUDITOR_EMAIL, AUDITOR_PASSWORD, null);
    }

    private static String code(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).isTrue();
        return response.json().get("code").asText();
    }
}
