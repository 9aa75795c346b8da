package dev.gigstream.api.admin;

import tools.jackson.databind.JsonNode;
import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator reads a projection's lag as "events it has still to handle". Most read models ignore
 * most events (the job feed knows nothing of ratings, the notification inbox nothing of location
 * shares): once a quiet system has handled everything, every projection is at the head, lag 0, and not
 * stuck at the last event it happened to handle.
 */
@PostgresIT
@TestPropertySource(properties = {"gigstream.auth.admin.email=" + ADMIN_EMAIL, "gigstream.auth.admin.password=" + ADMIN_PASSWORD})
class ProjectionLagIT {

    @Autowired
    Api api;

    @Test
    void everyProjectionReachesTheHeadOnceThereIsNothingLeftToHandle() {
        var market = new Marketplace(api);
        market.hiredShift();
        for (int i = 0; i < 5; i++) {
            api.signUp("WORKER"); // events most read models ignore
        }
        var admin = market.admin();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(lags(admin)).as("each projection's lag on an idle system").allSatisfy((name, lag) ->
                        assertThat(lag).as(name).isZero()));
    }

    private Map<String, Long> lags(Api.User admin) {
        Map<String, Long> lags = new TreeMap<>();
        for (JsonNode projection : api.get("/api/v1/admin/projections", admin.accessToken()).expect(200).json()) {
            lags.put(projection.get("name").asText(), projection.get("lag").isNull() ? null : projection.get("lag").asLong());
        }
        return lags;
    }
}
