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
}
