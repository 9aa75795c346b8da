package dev.gigstream.api.escrow;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A client who does not pay within the payment window loses the hire; the job is open again. */
@PostgresIT
@TestPropertySource(properties = "gigstream.lifecycle.payment-window=3s")
class PaymentWindowIT {

    @Autowired
    Api api;

    @Test
    void anUnpaidHireLapsesAndTheJobReopens() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        String jobId = market.jobStartingSoon(client);
        String escrowId = market.hire(client, market.worker(), jobId).get("escrowId").asText();

        var job = market.awaitJob(jobId, client.accessToken(), view -> "OPEN".equals(view.get("status").asText())
                && view.get("timeline").size() == 3);

        assertThat(job.get("timeline").findValuesAsString("status")).containsExactly("OPEN", "HIRED", "OPEN");
        assertThat(job.has("hiredWorkerId") && !job.get("hiredWorkerId").isNull()).isFalse();
        market.awaitJson("/api/v1/escrows/" + escrowId, client.accessToken(),
                escrow -> "CANCELLED".equals(escrow.get("status").asText()));
        var other = market.worker();
        api.post("/api/v1/jobs/" + jobId + "/applications", null, other.accessToken()).expect(201);
    }
}
