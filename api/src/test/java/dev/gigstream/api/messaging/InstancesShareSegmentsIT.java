package dev.gigstream.api.messaging;

import dev.gigstream.api.storage.SegmentClaims;
import dev.gigstream.api.testsupport.RestartableApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one database, each allowed to claim half of a saga processor's segments, hold half
 * each (the cap still holds with the balancer, see {@link InstancesBalanceSegmentsIT}; with the balancer
 * switched off and no cap the first keeps them all), and the claims of an instance that died without
 * releasing them are taken over within the claim timeout plus the claim interval.
 */
class InstancesShareSegmentsIT {

    static final String SAGA = "JobLifecycleSagaProcessor";
    static final int SEGMENTS = 4;

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static JdbcClient jdbc;

    @BeforeAll
    static void twoInstances() {
        var app = new RestartableApp("--gigstream.processing.segments=" + SEGMENTS,
                "--gigstream.processing.max-claimed-segments=" + SEGMENTS / 2);
        first = app.start();
        second = app.start();
        jdbc = first.getBean(JdbcClient.class);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void eachInstanceClaimsHalfOfTheSegments() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(segmentsByOwner())
                .isEqualTo(Map.of(nodeId(first), 2L, nodeId(second), 2L)));
    }

    @Test
    void withTheBalancerOffAndNoCapTheFirstInstanceKeepsEverySegment() {
        var app = new RestartableApp("--gigstream.processing.segments=" + SEGMENTS, "--gigstream.processing.balance=false");
        try (var early = app.start()) {
            JdbcClient its = early.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> segmentsByOwner(its).equals(Map.of(nodeId(early), (long) SEGMENTS)));
            try (var late = app.start()) {
                // several claim intervals of the late instance, in which it finds nothing to claim
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                        .until(() -> segmentsByOwner(its).equals(Map.of(nodeId(early), (long) SEGMENTS)));
            }
        }
    }

    @Test
    void theSegmentsOfADeadInstanceMoveWithinTheClaimTimeoutAndTheClaimInterval() {
        await().atMost(Duration.ofSeconds(30)).until(() -> segmentsByOwner().size() == 2);
        SegmentClaims claims = first.getBean(SegmentClaims.class);

        // an instance that refreshed its claims on every segment, then died
        jdbc.sql("UPDATE token_entry SET owner = 'a-dead-instance', time_stamp = :now WHERE processor_name = :processor")
                .param("now", Instant.now().toString()).param("processor", SAGA).update();

        // a batch or a slow database may add a little to the worst case
        await().atMost(claims.worstCaseTakeover().plusSeconds(2)).untilAsserted(() -> assertThat(segmentsByOwner())
                .isEqualTo(Map.of(nodeId(first), 2L, nodeId(second), 2L)));
    }

    private static Map<String, Long> segmentsByOwner() {
        return segmentsByOwner(jdbc);
    }

    private static Map<String, Long> segmentsByOwner(JdbcClient jdbc) {
        return jdbc.sql("SELECT owner FROM token_entry WHERE processor_name = :processor AND owner IS NOT NULL")
                .param("processor", SAGA).query(String.class).list().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String nodeId(ConfigurableApplicationContext instance) {
        return instance.getBean(SegmentClaims.class).nodeId();
    }
}
