package dev.gigstream.api.notifications;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.FreshStores;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.api.testsupport.StompUser;
import dev.gigstream.query.notifications.NotificationInbox;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Live notifications over a real WebSocket (STOMP), and the inbox behind them. */
@PostgresIT
class NotificationsIT {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    SimpUserRegistry users;

    @Test
    void aConnectedWorkerIsToldOfTheHireWithinASecondAndFindsItInTheInbox() throws Exception {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var worker = market.worker();
        String jobId = market.jobStartingSoon(client);
        api.post("/api/v1/jobs/" + jobId + "/applications", null, worker.accessToken()).expect(201);

        try (StompUser live = StompUser.connect(port, worker.accessToken()).subscribeToNotifications()) {
            StompUser.awaitSubscribed(users, worker.id());
            api.post("/api/v1/jobs/" + jobId + "/hire", Map.of("workerId", worker.id()), client.accessToken()).expect(202);

            JsonNode pushed = live.nextOfType("worker.hired", 1_000);
            assertThat(pushed).as("worker.hired within a second of the hire").isNotNull();
            assertThat(pushed.get("jobId").asText()).isEqualTo(jobId);
            assertThat(pushed.get("title").asText()).isEqualTo("Barista for a launch");
            assertThat(Instant.parse(pushed.get("at").asText())).isBefore(Instant.now().plusSeconds(1));

            JsonNode inbox = api.get("/api/v1/notifications?unreadOnly=true", worker.accessToken()).expect(200).json();
            assertThat(inbox.findValuesAsString("id")).contains(pushed.get("id").asText());
            api.post("/api/v1/notifications/" + pushed.get("id").asText() + "/read", null, worker.accessToken()).expect(204);
            await().atMost(Duration.ofSeconds(10)).until(() -> !api.get("/api/v1/notifications?unreadOnly=true",
                    worker.accessToken()).json().findValuesAsString("id").contains(pushed.get("id").asText()));
            assertThat(api.post("/api/v1/notifications/" + pushed.get("id").asText() + "/read", null, client.accessToken())
                    .status()).as("someone else's notification").isEqualTo(404);
        }
    }

    @Test
    void theInboxNeedsASignedInUserAndASensibleLimit() {
        var worker = api.signUp("WORKER");
        assertThat(api.get("/api/v1/notifications", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/notifications/anything/read", null, null).status()).isEqualTo(401);
        for (String limit : new String[] {"0", "201", "many"}) {
            var response = api.get("/api/v1/notifications?limit=" + limit, worker.accessToken());
            assertThat(response.status()).as("limit=" + limit).isEqualTo(400);
            assertThat(response.isProblem()).isTrue();
        }
        assertThat(api.post("/api/v1/notifications/no-such-id/read", null, worker.accessToken()).status()).isEqualTo(404);
    }

    @Test
    void theClientIsToldOfApplications() throws Exception {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        String jobId = market.jobStartingSoon(client);
        try (StompUser live = StompUser.connect(port, client.accessToken()).subscribeToNotifications()) {
            StompUser.awaitSubscribed(users, client.id());
            var worker = market.worker();
            api.post("/api/v1/jobs/" + jobId + "/applications", null, worker.accessToken()).expect(201);

            JsonNode pushed = live.nextOfType("application.received", 2_000);
            assertThat(pushed.get("workerId").asText()).isEqualTo(worker.id());
        }
    }

    @Test
    void connectingWithoutAValidTokenIsRefused() throws Exception {
        var user = api.signUp("WORKER");
        assertThatThrownBy(() -> StompUser.connect(port, null)).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> StompUser.connect(port, "not-a-jwt")).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> StompUser.connect(port, expiredToken(user.id()))).isInstanceOf(Exception.class);
        try (StompUser ok = StompUser.connect(port, user.accessToken())) {
            assertThat(ok.connected()).isTrue();
        }
    }

    @Test
    void subscribingToAnotherUsersQueueIsRefused() throws Exception {
        var snoop = api.signUp("CLIENT");
        var victim = api.signUp("WORKER");
        for (String destination : new String[]{"/user/" + victim.id() + "/queue/notifications", "/queue/notifications",
                "/topic/everything"}) {
            try (StompUser live = StompUser.connect(port, snoop.accessToken()).subscribe(destination)) {
                await().atMost(Duration.ofSeconds(5)).until(() -> !live.connected());
            }
        }
    }

    @Test
    void replayingTheInboxRebuildsItWithoutPushingAgain() throws Exception {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var worker = market.worker();
        try (StompUser live = StompUser.connect(port, worker.accessToken()).subscribeToNotifications()) {
            StompUser.awaitSubscribed(users, worker.id());
            market.hire(client, worker, market.jobStartingSoon(client));
            JsonNode pushed = live.nextOfType("worker.hired", 5_000);
            assertThat(pushed).isNotNull();
            Set<String> before = new HashSet<>(List.of(pushed.get("id").asText()));
            for (JsonNode more = live.next(1_000); more != null; more = live.next(1_000)) {
                before.add(more.get("id").asText()); // e.g. the job.match offer, which comes on its own time
            }

            var inbox = processing.eventProcessorByProcessingGroup(NotificationInbox.NAME, StreamingEventProcessor.class).orElseThrow();
            inbox.shutDown();
            inbox.resetTokens();
            inbox.start();

            await().atMost(Duration.ofSeconds(20)).until(() -> !inbox.isReplaying()
                    && api.get("/api/v1/notifications", worker.accessToken()).json().findValuesAsString("id")
                    .contains(pushed.get("id").asText()));
            for (JsonNode after = live.next(1_500); after != null; after = live.next(500)) {
                assertThat(before).as("nothing is pushed again").doesNotContain(after.get("id").asText());
            }
        }
    }


    private static String expiredToken(String subject) throws Exception {
        var claims = new JWTClaimsSet.Builder().issuer("gigstream").subject(subject).claim("role", "WORKER")
                .issueTime(Date.from(Instant.now().minusSeconds(3600))).expirationTime(Date.from(Instant.now().minusSeconds(60)))
                .build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(FreshStores.JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
