package dev.gigstream.api.escrow;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a Paystack key nobody can hire into an escrow that could never be paid; nothing is stored. */
@PostgresIT
@TestPropertySource(properties = "gigstream.paystack.secret-key=")
class PaymentsNotConfiguredIT {

    @Autowired
    Api api;

    @Test
    void hiringIsRefusedAndTheJobStaysOpen() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var worker = market.worker();
        String jobId = market.jobStartingSoon(client);
        api.post("/api/v1/jobs/" + jobId + "/applications", null, worker.accessToken()).expect(201);

        var hire = api.post("/api/v1/jobs/" + jobId + "/hire", Map.of("workerId", worker.id()), client.accessToken());

        assertThat(hire.status()).isEqualTo(503);
        assertThat(hire.isProblem()).isTrue();
        assertThat(hire.json().get("code").asText()).isEqualTo("PAYMENTS_NOT_CONFIGURED");
        JsonNode job = market.awaitJob(jobId, client.accessToken(), view -> true);
        assertThat(job.get("status").asText()).isEqualTo("OPEN");
        assertThat(job.hasNonNull("escrowId")).isFalse();
        assertThat(job.get("timeline").findValuesAsString("status")).containsExactly("OPEN");
        assertThat(market.deliver("{\"event\":\"charge.success\",\"data\":{}}", "0".repeat(128)).status()).isEqualTo(401);
    }

    /**
     * Who may act on a job is the first thing checked: a stranger learns neither that payments are off,
     * nor what the body must hold, nor what state the job is in.
     */
    @Test
    void aStrangerIsRefusedBeforeAnyOtherRefusal() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var worker = market.worker();
        String jobId = market.jobStartingSoon(client);
        api.post("/api/v1/jobs/" + jobId + "/applications", null, worker.accessToken()).expect(201);
        market.awaitJson("/api/v1/jobs/" + jobId + "/applicants", client.accessToken(), view -> !view.get("items").isEmpty());
        String otherClient = api.signUp("CLIENT").accessToken();
        String otherWorker = market.worker().accessToken();
        String job = "/api/v1/jobs/" + jobId;
        Map<String, Object> empty = Map.of();

        refused(api.post(job + "/hire", Map.of("workerId", worker.id()), otherClient), "NOT_THE_JOBS_CLIENT");
        refused(api.post(job + "/hire", empty, otherClient), "NOT_THE_JOBS_CLIENT");
        refused(api.post(job + "/hire", "{not json", otherClient), "NOT_THE_JOBS_CLIENT");
        refused(api.post(job + "/cancel", empty, otherClient), "NOT_THE_JOBS_CLIENT");
        refused(api.post(job + "/confirm", null, otherClient), "NOT_THE_JOBS_CLIENT");
        refused(api.post(job + "/no-show", null, otherClient), "NOT_THE_JOBS_CLIENT");
        refused(api.post(job + "/check-in", empty, otherWorker), "NOT_THE_HIRED_WORKER");
        refused(api.post(job + "/check-out", Map.of("location", Map.of("lat", 999)), otherWorker), "NOT_THE_HIRED_WORKER");
        refused(api.post(job + "/location", empty, otherWorker), "NOT_THE_HIRED_WORKER");
        refused(api.post(job + "/location-shares", Map.of("hours", 99), otherWorker), "NOT_THE_HIRED_WORKER");
        refused(api.post(job + "/ratings", Map.of("stars", 9), otherWorker), "NOT_A_PARTY_OF_THE_JOB");
        refused(api.post(job + "/disputes", empty, otherWorker), "NOT_A_PARTY");

        var rightful = api.post(job + "/hire", empty, client.accessToken());
        assertThat(rightful.status()).as("the job's client still learns what the body lacks").isEqualTo(400);
        assertThat(api.post(job + "/hire", Map.of("workerId", worker.id()), client.accessToken()).json().get("code").asText())
                .isEqualTo("PAYMENTS_NOT_CONFIGURED");
        assertThat(api.post("/api/v1/jobs/" + java.util.UUID.randomUUID() + "/hire", Map.of("workerId", worker.id()), otherClient)
                .status()).as("an unknown job").isIn(404, 503);
        assertThat(market.awaitJob(jobId, client.accessToken(), view -> true).get("status").asText()).isEqualTo("OPEN");
    }

    private static void refused(Api.Response answer, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        assertThat(answer.json().get("code").asText()).as(answer.body()).isEqualTo(code);
    }
}
