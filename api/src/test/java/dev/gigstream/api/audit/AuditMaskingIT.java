package dev.gigstream.api.audit;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the audit endpoints show of a worker's payout account: the number masked as the worker's own
 * profile shows it, for auditors and admins alike, on the aggregate's events, its state and the event
 * stream; in clear only for an admin who says why, and that reason is in the audit-read log.
 */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD,
        "gigstream.auth.auditor.email=" + AuditIT.AUDITOR_EMAIL,
        "gigstream.auth.auditor.password=" + AuditIT.AUDITOR_PASSWORD})
class AuditMaskingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Api api;

    @Test
    void anAuditorSeesThePayoutAccountMaskedOnEveryAuditEndpoint() {
        String number = accountNumber();
        String masked = "******" + number.substring(6);
        var worker = new Marketplace(api).worker(number);
        var auditor = auditor();

        var events = api.get(eventsOf(worker), auditor.accessToken()).expect(200);
        var state = api.get(stateOf(worker), auditor.accessToken()).expect(200);
        var stream = api.get("/api/v1/audit/events?limit=10000", auditor.accessToken()).expect(200);

        assertThat(profileUpdated(events.json()).get("payload").get("payout").get("accountNumber").asText()).isEqualTo(masked);
        assertThat(state.json().get("state").get("payout").get("accountNumber").asText()).isEqualTo(masked);
        assertThat(profileUpdated(ndjson(stream), worker).get("payload").get("payout").get("accountNumber").asText())
                .isEqualTo(masked);
        for (var body : List.of(events, state, stream)) {
            assertThat(body.body()).doesNotContain(number);
        }
        assertThat(state.json().get("state").get("payout").get("bankCode").asText()).isEqualTo("058");
    }

    @Test
    void anAdminReadsMaskedToo() {
        String number = accountNumber();
        var worker = new Marketplace(api).worker(number);

        var events = api.get(eventsOf(worker), admin().accessToken()).expect(200);

        assertThat(events.body()).doesNotContain(number);
        assertThat(profileUpdated(events.json()).get("payload").get("payout").get("accountNumber").asText())
                .isEqualTo("******" + number.substring(6));
    }

    @Test
    void anAdminWithAReasonReadsTheNumberInClearAndTheReasonIsInTheAuditReadLog() {
        String number = accountNumber();
        var worker = new Marketplace(api).worker(number);
        var admin = admin();
        String reason = "Paystack ticket " + UUID.randomUUID() + ": transfer to the wrong account?";
        String clear = "unmasked=true&reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8);

        var events = api.get(eventsOf(worker) + "?" + clear, admin.accessToken()).expect(200);
        var state = api.get(stateOf(worker) + "?" + clear, admin.accessToken()).expect(200);
        var stream = api.get("/api/v1/audit/events?limit=10000&" + clear, admin.accessToken()).expect(200);

        assertThat(profileUpdated(events.json()).get("payload").get("payout").get("accountNumber").asText()).isEqualTo(number);
        assertThat(state.json().get("state").get("payout").get("accountNumber").asText()).isEqualTo(number);
        assertThat(profileUpdated(ndjson(stream), worker).get("payload").get("payout").get("accountNumber").asText())
                .isEqualTo(number);

        String adminId = api.get("/api/v1/me", admin.accessToken()).expect(200).json().get("userId").asText();
        JsonNode reads = api.get("/api/v1/audit/reads?limit=20", auditor().accessToken()).expect(200).json().get("items");
        List<JsonNode> withTheReason = StreamSupport.stream(reads.spliterator(), false)
                .filter(read -> reason.equals(read.path("reason").asText(null))).toList();
        assertThat(withTheReason).extracting(read -> read.get("what").asText().replaceFirst("\\?.*", ""))
                .containsExactlyInAnyOrder(eventsOf(worker), stateOf(worker), "/api/v1/audit/events");
        assertThat(withTheReason).allSatisfy(read -> {
            assertThat(read.get("readerId").asText()).isEqualTo(adminId);
            assertThat(read.get("readerRole").asText()).isEqualTo("ADMIN");
        });
        assertThat(reads.get(0).get("what").asText()).isEqualTo("/api/v1/audit/reads?limit=20");
        assertThat(reads.get(0).get("reason").isNull()).as("a masked read has no reason").isTrue();
    }

    @Test
    void anAdminWithoutAReasonIsRefused() {
        var worker = new Marketplace(api).worker(accountNumber());
        var admin = admin();
        for (String query : List.of("?unmasked=true", "?unmasked=true&reason=", "?unmasked=true&reason=%20%20", "?unmasked=true&reason=why%00not",
                "?unmasked=true&reason=" + "x".repeat(Disclosure.MAX_REASON + 1))) {
            for (String path : List.of(eventsOf(worker), stateOf(worker), "/api/v1/audit/events")) {
                assertThat(code(api.get(path + query, admin.accessToken()), 400)).as(path + query)
                        .isEqualTo("INVALID_UNMASKING_REASON");
            }
        }
    }

    @Test
    void anAuditorNeverReadsTheNumberInClear() {
        String number = accountNumber();
        var worker = new Marketplace(api).worker(number);
        var auditor = auditor();
        for (String path : List.of(eventsOf(worker), stateOf(worker), "/api/v1/audit/events")) {
            var refused = api.get(path + "?unmasked=true&reason=curious", auditor.accessToken());
            assertThat(code(refused, 403)).as(path).isEqualTo("UNMASKING_NOT_ALLOWED");
            assertThat(refused.body()).doesNotContain(number);
        }
    }

    @Test
    void clientsAndWorkersAreRefusedAsBefore() {
        var market = new Marketplace(api);
        var shift = market.hiredShift();
        for (var user : List.of(shift.client(), shift.worker())) {
            for (String path : List.of(eventsOf(shift.worker()), stateOf(shift.worker()), "/api/v1/audit/events")) {
                assertThat(code(api.get(path, user.accessToken()), 403)).as(path).isEqualTo("FORBIDDEN");
                assertThat(code(api.get(path + "?unmasked=true&reason=mine", user.accessToken()), 403)).as(path)
                        .isEqualTo("FORBIDDEN");
            }
        }
    }

    private static String eventsOf(Api.User worker) {
        return "/api/v1/audit/aggregates/" + worker.id() + "/events";
    }

    private static String stateOf(Api.User worker) {
        return "/api/v1/audit/aggregates/" + worker.id() + "/state";
    }

    /** Ten digits, unlike any other number in the answers. */
    private static String accountNumber() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L));
    }

    private static JsonNode profileUpdated(JsonNode events) {
        return StreamSupport.stream(events.spliterator(), false)
                .filter(event -> "WorkerProfileUpdated".equals(event.get("type").asText())).findFirst().orElseThrow();
    }

    private static JsonNode profileUpdated(List<JsonNode> stream, Api.User worker) {
        return stream.stream().filter(event -> worker.id().equals(event.path("aggregateId").asText())
                && "WorkerProfileUpdated".equals(event.get("type").asText())).findFirst().orElseThrow();
    }

    private Api.User auditor() {
        return api.logIn(AuditIT.AUDITOR_EMAIL, AuditIT.AUDITOR_PASSWORD, null);
    }

    private Api.User admin() {
        return new Marketplace(api).admin();
    }

    private static List<JsonNode> ndjson(Api.Response response) {
        return Arrays.stream(response.body().split("\n")).filter(line -> !line.isBlank()).map(JSON::readTree).toList();
    }

    private static String code(Api.Response response, int status) {
        response.expect(status);
        assertThat(response.isProblem()).isTrue();
        return response.json().get("code").asText();
    }
}
