package dev.gigstream.api.auth;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.RestartableApp;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances without Redis: each keeps the accounts' standing in memory, so the one that did not
 * store a suspension learns it from the event itself (no broadcast, no shared deny list reaches it).
 * The instance that already knows the worker as in good standing refuses the worker's token once the
 * suspension is stored, and accepts it again after the reinstatement.
 */
class SuspensionAcrossInstancesIT {

    @Test
    void anInstanceThatKnewTheAccountRefusesItOnceTheSuspensionEventArrivesAndAcceptsItAfterTheReinstatement() {
        var app = new RestartableApp("--gigstream.auth.admin.email=" + Marketplace.ADMIN_EMAIL,
                "--gigstream.auth.admin.password=" + Marketplace.ADMIN_PASSWORD);
        try (ConfigurableApplicationContext first = app.start(); ConfigurableApplicationContext second = app.start()) {
            Api a = RestartableApp.api(first);
            Api b = RestartableApp.api(second);
            Api.User admin = new Marketplace(a).admin();
            Api.User worker = b.signUp("WORKER");
            b.get("/api/v1/me", worker.accessToken()).expect(200); // b now holds the worker's standing

            a.post("/api/v1/admin/users/" + worker.id() + "/suspend", Map.of("reason", "off-platform payment"),
                    admin.accessToken()).expect(202);

            await().atMost(Duration.ofSeconds(10)).until(() -> b.get("/api/v1/me", worker.accessToken()).status() == 401);
            Api.Response refused = b.get("/api/v1/me", worker.accessToken());
            assertThat(refused.json().get("code").asText()).isEqualTo("ACCOUNT_SUSPENDED");

            a.post("/api/v1/admin/users/" + worker.id() + "/reinstate", Map.of("reason", "explained"), admin.accessToken())
                    .expect(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> b.get("/api/v1/me", worker.accessToken()).status() == 200);
        }
    }
}
