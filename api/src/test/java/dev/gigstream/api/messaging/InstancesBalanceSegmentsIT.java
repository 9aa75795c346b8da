package dev.gigstream.api.messaging;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.gigstream.api.storage.SegmentClaims;
import dev.gigstream.api.testsupport.RestartableApp;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Instances on one database and one MongoDB, without any {@code max-claimed-segments}, spread the
 * shared processors' segments over themselves: a second instance gets half of each saga's segments and
 * some of the read models' single segments, a third its share; nothing moves once everyone is within
 * its share; a dead instance's claims are taken over within the claim timeout and the claim interval
 * as without the balancer; and when the others stop, the first holds everything again.
 */
class InstancesBalanceSegmentsIT {

    static final String SAGA = "JobLifecycleSagaProcessor";

    @Test
    void theSegmentsSpreadOverTheInstancesAliveAndComeBackWhenTheyLeave() {
        // one MongoDB for all instances, so that the read models' processors are shared too
        MongoServer readModels = new MongoServer(new MemoryBackend());
        var app = new RestartableApp("--gigstream.read-models.uri=" + readModels.bindAndGetConnectionString());
        try (ConfigurableApplicationContext first = app.start()) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            SegmentClaims claims = first.getBean(SegmentClaims.class);
            Duration balanceEvery = first.getBean(SegmentBalancing.class).balanceEvery();
            Map<String, Integer> segments = segmentCounts(first);
            int total = segments.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(segments).containsEntry(SAGA, 4);
            assertThat(segments.values()).as("read models of one segment").contains(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> count(held(first)) == total);

            try (ConfigurableApplicationContext second = app.start()) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    assertThat(sagaOwners(jdbc)).isEqualTo(Map.of(nodeId(first), 2L, nodeId(second), 2L));
                    assertSpread(segments, List.of(first, second));
                });
                // no ping-pong: nothing moves for two balance periods
                var firstHolds = held(first);
                var secondHolds = held(second);
                await().during(balanceEvery.multipliedBy(2)).atMost(balanceEvery.multipliedBy(3))
                        .until(() -> held(first).equals(firstHolds) && held(second).equals(secondHolds));

                // an instance that refreshed its claims on the saga's segments, then died
                jdbc.sql("UPDATE token_entry SET owner = 'a-dead-instance', time_stamp = :now WHERE processor_name = :processor")
                        .param("now", Instant.now().toString()).param("processor", SAGA).update();
                await().atMost(claims.worstCaseTakeover().plusSeconds(2)).untilAsserted(() -> assertThat(sagaOwners(jdbc))
                        .as("taken over by the instances alive").doesNotContainKey("a-dead-instance")
                        .satisfies(owners -> assertThat(owners.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(4)));
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(sagaOwners(jdbc)).isEqualTo(Map.of(nodeId(first), 2L, nodeId(second), 2L)));

                try (ConfigurableApplicationContext third = app.start()) {
                    // no ping-pong: a spread in which everyone is within its share, for two balance periods
                    await().atMost(Duration.ofSeconds(120)).during(balanceEvery.multipliedBy(2)).until(() -> {
                        try {
                            assertSpread(segments, List.of(first, second, third));
                            return count(held(third)) > 0;
                        } catch (AssertionError notYet) {
                            return false;
                        }
                    });
                }
                // the third left in order: the two share everything again
                await().atMost(claims.worstCaseTakeover().plus(balanceEvery)).untilAsserted(() ->
                        assertThat(count(held(first)) + count(held(second))).isEqualTo(total));
            }
            await().atMost(claims.worstCaseTakeover().plus(balanceEvery)).untilAsserted(() ->
                    assertThat(count(held(first))).as("the first instance holds everything again").isEqualTo(total));
        } finally {
            readModels.shutdownNow();
        }
    }

    /**
     * Every segment held once, nobody above its share of a processor or of the whole; with two instances,
     * each with some processor of a single segment.
     */
    private static void assertSpread(Map<String, Integer> segments, List<ConfigurableApplicationContext> instances) {
        int live = instances.size();
        Map<String, Integer> holders = new TreeMap<>();
        for (var instance : instances) {
            var held = held(instance);
            assertThat(count(held)).as("%s's share of the whole", nodeId(instance))
                    .isLessThanOrEqualTo(FairShare.ofAll(segments, live));
            held.forEach((processor, ids) -> {
                assertThat(ids.size()).as("%s's share of %s", nodeId(instance), processor)
                        .isLessThanOrEqualTo(FairShare.ofProcessor(segments.get(processor), live));
                holders.merge(processor, ids.size(), Integer::sum);
            });
            if (live == 2) {
                assertThat(held.keySet().stream().filter(processor -> segments.get(processor) == 1))
                        .as("%s's processors of one segment", nodeId(instance)).isNotEmpty();
            }
        }
        assertThat(holders).as("every segment held").isEqualTo(segments);
    }

    private static Map<String, Integer> segmentCounts(ConfigurableApplicationContext instance) {
        SharedProcessors processors = instance.getBean(SharedProcessors.class);
        Map<String, Integer> counts = new TreeMap<>();
        processors.current().keySet().forEach(name -> counts.put(name, processors.segmentCount(name)));
        return counts;
    }

    /** The segments the instance processes, by processor. */
    private static Map<String, Set<Integer>> held(ConfigurableApplicationContext instance) {
        Map<String, Set<Integer>> held = new TreeMap<>();
        instance.getBean(SharedProcessors.class).current().forEach((name, processor) -> {
            Set<Integer> ids = new TreeSet<>(processor.processingStatus().keySet());
            if (!ids.isEmpty()) {
                held.put(name, ids);
            }
        });
        return held;
    }

    private static int count(Map<String, Set<Integer>> held) {
        return held.values().stream().mapToInt(Set::size).sum();
    }

    private static Map<String, Long> sagaOwners(JdbcClient jdbc) {
        return jdbc.sql("SELECT owner FROM token_entry WHERE processor_name = :processor AND owner IS NOT NULL")
                .param("processor", SAGA).query(String.class).list().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String nodeId(ConfigurableApplicationContext instance) {
        return instance.getBean(SegmentClaims.class).nodeId();
    }
}
