package dev.gigstream.api.notifications;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.RedisServer;
import dev.gigstream.api.testsupport.RestartableApp;
import dev.gigstream.api.testsupport.StompUser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one MongoDB share the inbox: one of them stores each notification, and its push
 * reaches the recipient's sessions on both instances, each once, through Redis.
 */
class NotificationsAcrossInstancesIT {

    @Test
    void aNotificationReachesTheRecipientsSessionsOnEveryInstanceOnce() throws Exception {
        String redis = RedisServer.assumeAvailable();
        MongoServer readModels = new MongoServer(new MemoryBackend());
        var app = new RestartableApp("--gigstream.read-models.uri=" + readModels.bindAndGetConnectionString(),
                "--gigstream.redis.url=" + redis, "--gigstream.redis.key-prefix=" + RedisServer.freshKeyPrefix());
        try (ConfigurableApplicationContext first = app.start(); ConfigurableApplicationContext second = app.start()) {
            var market = new Marketplace(RestartableApp.api(first));
            var client = market.api().signUp("CLIENT");
            var worker = market.worker();
            String jobId = market.jobStartingSoon(client);
            market.api().post("/api/v1/jobs/" + jobId + "/applications", null, worker.accessToken()).expect(201);

            try (StompUser onFirst = StompUser.connect(port(first), worker.accessToken()).subscribeToNotifications();
                 StompUser onSecond = StompUser.connect(port(second), worker.accessToken()).subscribeToNotifications()) {
                StompUser.awaitSubscribed(first.getBean(SimpUserRegistry.class), worker.id());
                StompUser.awaitSubscribed(second.getBean(SimpUserRegistry.class), worker.id());
                RestartableApp.api(second).post("/api/v1/jobs/" + jobId + "/hire", Map.of("workerId", worker.id()),
                        client.accessToken()).expect(202);

                JsonNode pushedToFirst = onFirst.nextOfType("worker.hired", 10_000);
                JsonNode pushedToSecond = onSecond.nextOfType("worker.hired", 10_000);
                assertThat(pushedToFirst).as("pushed to the session on the first instance").isNotNull();
                assertThat(pushedToSecond).as("pushed to the session on the second instance").isNotNull();
                assertThat(pushedToSecond.get("id").asText()).isEqualTo(pushedToFirst.get("id").asText());
                assertThat(pushedToSecond.get("jobId").asText()).isEqualTo(jobId);
                assertThat(onFirst.nextOfType("worker.hired", 1_000)).as("once on the first instance").isNull();
                assertThat(onSecond.nextOfType("worker.hired", 1_000)).as("once on the second instance").isNull();
            }
        } finally {
            readModels.shutdownNow();
        }
    }



    private static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }
}
