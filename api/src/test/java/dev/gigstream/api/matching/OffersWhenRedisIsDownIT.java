package dev.gigstream.api.matching;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.query.matching.OfferQueueProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.stream.StreamSupport;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis is configured but does not answer: offers reach workers as {@code job.match} notifications only,
 * the offer list answers 503, and the queues' projection goes on with the stream, parking nothing.
 */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.redis.url=redis://127.0.0.1:1",
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD})
class OffersWhenRedisIsDownIT {

    @Autowired
    Api api;

    @Test
    void offersFallBackToNotificationsAndTheQueuesProjectionKeepsUpWithoutParking() {
        var market = new Marketplace(api);
        var worker = market.worker();
        var client = api.signUp("CLIENT");
        market.awaitJson("/api/v1/workers/" + worker.id(), client.accessToken(), profile -> !profile.get("lastOnlineAt").isNull());

        market.jobStartingSoon(client);

        await().atMost(Duration.ofSeconds(20)).until(() -> market.inbox(worker).contains("job.match"));
        var offers = api.get("/api/v1/workers/me/offers", worker.accessToken()).expect(503);
        assertThat(offers.isProblem()).isTrue();
        assertThat(offers.json().get("code").asText()).isEqualTo("OFFERS_UNAVAILABLE");

        // hiring, which would withdraw the offers, waits for Redis (TOKEN_CHECK_UNAVAILABLE): the offers made are what is skipped
        var admin = market.admin();
        await().atMost(Duration.ofSeconds(20)).until(() -> lag(admin) == 0);
        JsonNode parked = api.get("/api/v1/admin/dead-letters", admin.accessToken()).expect(200).json();
        assertThat(parked.findValuesAsString("projection")).doesNotContain(OfferQueueProjection.NAME);
    }

    private long lag(Api.User admin) {
        JsonNode projections = api.get("/api/v1/admin/projections", admin.accessToken()).expect(200).json();
        JsonNode status = StreamSupport.stream(projections.spliterator(), false)
                .filter(p -> OfferQueueProjection.NAME.equals(p.get("name").asText())).findFirst().orElseThrow();
        return status.get("position").isNull() ? -1 : status.get("lag").asLong();
    }
}
