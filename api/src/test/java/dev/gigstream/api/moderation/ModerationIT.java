package dev.gigstream.api.moderation;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.api.testsupport.StompUser;
import dev.gigstream.messages.client.ClientSuspended;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.worker.WorkerReinstated;
import dev.gigstream.messages.worker.WorkerSuspended;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Moderation through real HTTP: users report each other, an admin suspends the subject (closing the
 * reports) and the suspended account stops at once, everywhere; reinstating gives access back.
 */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD,
        "gigstream.auth.auditor.email=" + ModerationIT.AUDITOR_EMAIL,
        "gigstream.auth.auditor.password=" + ModerationIT.AUDITOR_PASSWORD})
class ModerationIT {

    static final String AUDITOR_EMAIL = "auditor@gigstream.test";
    static final String AUDITOR_PASSWORD = "auditor password for tests";

    @Autowired
    Api api;

    @Autowired
    EventStore events;

    @LocalServerPort
    int port;

    @Test
    void aSuspendedWorkerIsStoppedAtOnceAndReinstatingRestoresAccess() throws Exception {
        var market = new Marketplace(api);
        var admin = market.admin();
        var client = api.signUp("CLIENT");
        var worker = market.worker();
        String jobId = market.jobStartingSoon(client);
        api.post("/api/v1/jobs/" + jobId + "/applications", Map.of("note", "Available"), worker.accessToken()).expect(201);
        market.awaitJson("/api/v1/jobs/" + jobId + "/applicants", client.accessToken(), json -> json.get("items").size() == 1);

        String reportId = api.post("/api/v1/reports", Map.of("subjectType", "USER", "subjectId", worker.id(),
                "reason", "Asked me to pay him outside the app"), client.accessToken()).expect(201).json().get("reportId").asText();
        JsonNode open = api.get("/api/v1/admin/reports", admin.accessToken()).expect(200).json().get("items");
        assertThat(open.findValuesAsString("reportId")).contains(reportId);

        JsonNode decided = api.post("/api/v1/admin/users/" + worker.id() + "/suspend", Map.of("reason", "off-platform payment"),
                admin.accessToken()).expect(202).json();
        assertThat(decided.get("reportsClosed").asInt()).isEqualTo(1);

        // the access token issued before the suspension is refused on the very next request, REST and WebSocket alike
        var refused = api.get("/api/v1/me", worker.accessToken());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").asText()).isEqualTo("ACCOUNT_SUSPENDED");
        assertThatThrownBy(() -> StompUser.connect(port, worker.accessToken())).isInstanceOf(Exception.class);
        var login = api.post("/api/v1/auth/login", Map.of("email", worker.email(), "password", Api.PASSWORD), null);
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.json().get("code").asText()).isEqualTo("ACCOUNT_SUSPENDED");
        var refresh = api.post("/api/v1/auth/refresh", Map.of("refreshToken", worker.refreshToken()), null);
        assertThat(refresh.status()).isEqualTo(401);
        assertThat(refresh.json().get("code").asText()).isEqualTo("INVALID_REFRESH_TOKEN");
        // the worker leaves the rankings, the report is closed with the suspension, and the admin sees the suspension
        market.awaitJson("/api/v1/jobs/" + jobId + "/applicants", client.accessToken(), json -> json.get("items").isEmpty());
        assertThat(api.get("/api/v1/admin/reports", admin.accessToken()).json().get("items").findValuesAsString("reportId"))
                .doesNotContain(reportId);
        JsonNode closed = api.get("/api/v1/admin/reports?open=false", admin.accessToken()).expect(200).json().get("items");
        assertThat(closed.findValuesAsString("reportId")).contains(reportId);
        assertThat(api.get("/api/v1/admin/suspensions", admin.accessToken()).json().findValuesAsString("userId")).contains(worker.id());
        // the decision is an event of the Worker with the admin and the reason
        assertThat(lastEventOf(worker.id())).isEqualTo(new WorkerSuspended(WorkerId.of(worker.id()), "off-platform payment", adminId(admin)));

        api.post("/api/v1/admin/users/" + worker.id() + "/reinstate", Map.of("reason", "explained and apologised"),
                admin.accessToken()).expect(202);
        assertThat(lastEventOf(worker.id())).isEqualTo(new WorkerReinstated(WorkerId.of(worker.id()), "explained and apologised", adminId(admin)));
        var back = api.logIn(worker.email(), Api.PASSWORD, worker.id());
        api.get("/api/v1/me", worker.accessToken()).expect(200);
        market.awaitJson("/api/v1/jobs/" + jobId + "/applicants", client.accessToken(), json -> json.get("items").size() == 1);
        try (StompUser live = StompUser.connect(port, back.accessToken())) {
            assertThat(live.connected()).isTrue();
        }
    }

    @Test
    void aSuspendedClientCannotPostUntilReinstated() {
        var market = new Marketplace(api);
        var admin = market.admin();
        var client = api.signUp("CLIENT");
        String jobId = market.jobStartingSoon(client);
        var worker = market.worker();
        market.awaitJob(jobId, worker.accessToken(), job -> true);
        api.post("/api/v1/reports", Map.of("subjectType", "JOB", "subjectId", jobId, "reason", "Fake job asking for fees"),
                worker.accessToken()).expect(201);

        api.post("/api/v1/admin/users/" + client.id() + "/suspend", Map.of("reason", "fake jobs"), admin.accessToken()).expect(202);
        assertThat(lastEventOf(client.id())).isEqualTo(new ClientSuspended(client.id(), "fake jobs", adminId(admin)));
        var post = api.post("/api/v1/jobs", Map.of(), client.accessToken());
        assertThat(post.status()).isEqualTo(401);
        assertThat(post.json().get("code").asText()).isEqualTo("ACCOUNT_SUSPENDED");
        // suspending again changes nothing; the report about the client's job was closed by the first suspension
        assertThat(api.post("/api/v1/admin/users/" + client.id() + "/suspend", Map.of("reason", "again"), admin.accessToken())
                .expect(202).json().get("reportsClosed").asInt()).isZero();

        api.post("/api/v1/admin/users/" + client.id() + "/reinstate", Map.of("reason", "verified"), admin.accessToken()).expect(202);
        market.jobStartingSoon(api.logIn(client.email(), Api.PASSWORD, client.id()));
    }

    @Test
    void reportsAreAboutSomeoneElseOncePerReporterAndSubject() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var worker = api.signUp("WORKER");
        String jobId = market.jobStartingSoon(client);
        market.awaitJob(jobId, worker.accessToken(), job -> true); // reports are made about jobs one has seen

        assertProblem(api.post("/api/v1/reports", Map.of("subjectType", "JOB", "subjectId", jobId, "reason", "mine"),
                client.accessToken()), 400, "CANNOT_REPORT_YOURSELF");
        api.post("/api/v1/reports", Map.of("subjectType", "JOB", "subjectId", jobId, "reason", "fees up front"),
                worker.accessToken()).expect(201);
        assertProblem(api.post("/api/v1/reports", Map.of("subjectType", "JOB", "subjectId", jobId, "reason", "again"),
                worker.accessToken()), 409, "ALREADY_REPORTED");
        assertProblem(api.post("/api/v1/reports", Map.of("subjectType", "JOB", "subjectId", "no-such-job", "reason", "x"),
                worker.accessToken()), 404, "NOT_FOUND");
        assertProblem(api.post("/api/v1/reports", Map.of("subjectType", "USER", "subjectId", "no-such-user", "reason", "x"),
                worker.accessToken()), 404, "NOT_FOUND");
        assertProblem(api.post("/api/v1/reports", Map.of("subjectType", "PLANET", "subjectId", jobId, "reason", "x"),
                worker.accessToken()), 400, "INVALID_REQUEST");
        assertProblem(api.post("/api/v1/reports", Map.of("subjectType", "USER", "subjectId", client.id(), "reason", " "),
                worker.accessToken()), 400, "INVALID_REQUEST");
        assertThat(api.post("/api/v1/reports", Map.of("subjectType", "USER", "subjectId", client.id(), "reason", "x"), null)
                .status()).isEqualTo(401);
    }

    @Test
    void onlyAdminsModerate() {
        var market = new Marketplace(api);
        var admin = market.admin();
        var auditor = api.logIn(AUDITOR_EMAIL, AUDITOR_PASSWORD, null);
        var client = api.signUp("CLIENT");
        var worker = api.signUp("WORKER");
        String reportId = api.post("/api/v1/reports", Map.of("subjectType", "USER", "subjectId", client.id(), "reason", "rude"),
                worker.accessToken()).expect(201).json().get("reportId").asText();

        for (var user : List.of(client, worker, auditor)) {
            assertProblem(api.get("/api/v1/admin/reports", user.accessToken()), 403, "FORBIDDEN");
            assertProblem(api.post("/api/v1/admin/reports/" + reportId + "/close", Map.of("note", "n"), user.accessToken()), 403, "FORBIDDEN");
            assertProblem(api.post("/api/v1/admin/users/" + client.id() + "/suspend", Map.of("reason", "r"), user.accessToken()), 403, "FORBIDDEN");
            assertProblem(api.post("/api/v1/admin/users/" + client.id() + "/reinstate", Map.of("reason", "r"), user.accessToken()), 403, "FORBIDDEN");
            assertProblem(api.get("/api/v1/admin/suspensions", user.accessToken()), 403, "FORBIDDEN");
        }
        api.get("/api/v1/me", client.accessToken()).expect(200);

        assertProblem(api.post("/api/v1/admin/users/no-such-user/suspend", Map.of("reason", "r"), admin.accessToken()), 404, "USER_NOT_FOUND");
        assertProblem(api.post("/api/v1/admin/users/" + adminId(admin) + "/suspend", Map.of("reason", "r"), admin.accessToken()),
                409, "USER_NOT_SUSPENDABLE");
        assertProblem(api.post("/api/v1/admin/users/" + client.id() + "/suspend", Map.of("reason", ""), admin.accessToken()),
                400, "INVALID_REQUEST");
        assertProblem(api.post("/api/v1/admin/users/" + client.id() + "/suspend", Map.of("reason", "x".repeat(501)), admin.accessToken()),
                400, "INVALID_REQUEST");
        api.get("/api/v1/me", client.accessToken()).expect(200);

        assertProblem(api.post("/api/v1/admin/reports/no-such-report/close", Map.of("note", "n"), admin.accessToken()), 404, "REPORT_NOT_FOUND");
        assertProblem(api.post("/api/v1/admin/reports/" + reportId + "/close", Map.of(), admin.accessToken()), 400, "INVALID_REQUEST");
        api.post("/api/v1/admin/reports/" + reportId + "/close", Map.of("note", "spoke to both"), admin.accessToken()).expect(202);
        assertProblem(api.post("/api/v1/admin/reports/" + reportId + "/close", Map.of("note", "again"), admin.accessToken()),
                409, "REPORT_ALREADY_CLOSED");
        // a client who was never suspended is reinstated without change
        api.post("/api/v1/admin/users/" + client.id() + "/reinstate", Map.of("reason", "nothing to undo"), admin.accessToken()).expect(202);
    }

    private Object lastEventOf(String aggregateId) {
        List<? extends DomainEventMessage<?>> stream = events.readEvents(aggregateId).asStream().toList();
        return stream.get(stream.size() - 1).getPayload();
    }

    private String adminId(Api.User admin) {
        return api.get("/api/v1/me", admin.accessToken()).expect(200).json().get("userId").asText();
    }

    /** Who worked for whom is nobody else's business: a job out of the feed is reported by its parties only. */
    @Test
    void aJobOutOfTheFeedIsReportedByItsPartiesOnly() {
        var market = new Marketplace(api);
        var hire = market.hiredShift();
        market.awaitJob(hire.jobId(), hire.client().accessToken(), job -> "HIRED".equals(job.get("status").asText()));
        Map<String, String> report = Map.of("subjectType", "JOB", "subjectId", hire.jobId(), "reason", "fees up front");

        assertProblem(api.post("/api/v1/reports", report, api.signUp("WORKER").accessToken()), 403, "NOT_A_PARTY_OF_THE_JOB");
        assertProblem(api.post("/api/v1/reports", report, api.signUp("CLIENT").accessToken()), 403, "NOT_A_PARTY_OF_THE_JOB");
        assertThat(api.get("/api/v1/admin/reports", market.admin().accessToken()).expect(200).json().findValuesAsString("subjectId"))
                .as("nothing was stored").doesNotContain(hire.jobId());

        api.post("/api/v1/reports", report, hire.worker().accessToken()).expect(201);
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asText()).isEqualTo(code);
    }
}
