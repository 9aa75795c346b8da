package dev.gigstream.api.messaging;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.messages.escrow.ReleaseEscrow;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One job's saga step that keeps failing is parked after its attempts, where admins see and retry it,
 * and every other job's lifecycle goes on meanwhile.
 */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.auth.admin.email=admin@gigstream.test",
        "gigstream.auth.admin.password=admin password for tests"})
class ParkedSagaEventIT {

    static final String SAGA = "JobLifecycleSagaProcessor";

    @Autowired
    Api api;

    @Autowired
    CommandBus commandBus;

    private volatile String poisonedEscrow;
    private Registration poison;

    @AfterEach
    void cure() {
        if (poison != null) {
            poison.cancel();
        }
    }

    @Test
    void aFailingSagaStepIsParkedAndOtherLifecyclesFinish() {
        var market = new Marketplace(api);
        String admin = api.logIn("admin@gigstream.test", "admin password for tests", null).accessToken();
        var stuck = market.hiredShift();
        poisonedEscrow = stuck.escrowId();
        poison = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof ReleaseEscrow release
                    && release.escrowId().value().equals(poisonedEscrow)) {
                throw new IllegalStateException("the escrow store is broken for " + release.escrowId());
            }
            return chain.proceed();
        });

        market.workedShift(stuck);
        api.post("/api/v1/jobs/" + stuck.jobId() + "/confirm", null, stuck.client().accessToken()).expect(202);
        JsonNode letters = await().atMost(Duration.ofSeconds(60)).until(
                () -> api.get("/api/v1/admin/dead-letters", admin).expect(200).json(), json -> json.size() == 1);
        assertThat(letters.get(0).get("projection").asText()).isEqualTo(SAGA);
        assertThat(letters.get(0).get("eventType").asText()).endsWith("ShiftConfirmed");
        assertThat(letters.get(0).get("causeMessage").asText()).contains("the escrow store is broken");

        var other = market.hiredShift();
        market.completedShift(other);

        var stillStuck = api.post("/api/v1/admin/dead-letters/" + SAGA + "/retry", null, admin).expect(202);
        assertThat(stillStuck.json().get("sequencesHealed").asInt()).isZero();
        assertThat(api.get("/api/v1/admin/dead-letters", admin).json().size()).isEqualTo(1);

        poisonedEscrow = "cured";
        var retried = api.post("/api/v1/admin/dead-letters/" + SAGA + "/retry", null, admin).expect(202);
        assertThat(retried.json().get("sequencesHealed").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/admin/dead-letters", admin).json().isEmpty()).isTrue();
        String payout = stuck.payout(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> market.transfersOf(payout).size() == 1);
    }
}
