package dev.gigstream.api.messaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one instance releases, given what it holds and how many instances are alive, and that the
 * instances reach a spread in which nobody releases anything any more.
 */
class FairShareTest {

    /** Two sagas of 4 segments (the saga, the suspensions) and five read models of one. */
    static final Map<String, Integer> SEGMENTS = Map.of("saga", 4, "suspensions", 4,
            "jobs", 1, "workers", 1, "offers", 1, "escrows", 1, "ratings", 1);

    @Test
    void aloneAnInstanceKeepsEverything() {
        assertThat(FairShare.toRelease(SEGMENTS, everything(), 1, Set.of())).isEmpty();
    }

    @Test
    void withASecondInstanceHalfOfEachSagaAndSomeReadModelsGo() {
        // 13 segments, 7 each at most: 2 of each saga, and 2 of the 5 read models
        var release = FairShare.toRelease(SEGMENTS, everything(), 2, Set.of());

        assertThat(release).containsEntry("saga", List.of(3, 2)).containsEntry("suspensions", List.of(3, 2));
        assertThat(release.keySet()).hasSize(4);
        assertThat(count(release)).isEqualTo(6);
    }

    @Test
    void whatTheSecondInstanceTookLeavesBothWithinTheirShare() {
        var first = everything();
        var release = FairShare.toRelease(SEGMENTS, first, 2, Set.of());
        Map<String, Set<Integer>> second = new TreeMap<>();
        release.forEach((processor, ids) -> {
            first.get(processor).removeAll(ids);
            second.computeIfAbsent(processor, p -> new TreeSet<>()).addAll(ids);
        });

        assertThat(FairShare.toRelease(SEGMENTS, first, 2, Set.of())).isEmpty();
        assertThat(FairShare.toRelease(SEGMENTS, second, 2, Set.of())).isEmpty();
    }

    @Test
    void aProcessorRebuildingAReadModelKeepsItsSegmentsButCounts() {
        var release = FairShare.toRelease(SEGMENTS, everything(), 2, Set.of("saga"));

        assertThat(release).doesNotContainKey("saga").containsEntry("suspensions", List.of(3, 2));
        // 4 (saga, kept) + 2 (suspensions) + 5 read models = 11: four read models go to reach 7
        assertThat(count(release)).isEqualTo(2 + 4);
    }

    @Test
    void anInstanceNeverReleasesSoMuchOfAProcessorThatTheOthersWouldExceedTheirShareOfIt() {
        // 2 instances, 6 segments, 3 each at most; this one holds 4, its two read models are rebuilding:
        // releasing a third saga segment would leave the other instance 3 of the saga's 4, over its share of 2
        Map<String, Integer> segments = Map.of("saga", 4, "jobs", 1, "workers", 1);
        Map<String, Set<Integer>> held = Map.of("saga", new TreeSet<>(Set.of(0, 1)),
                "jobs", new TreeSet<>(Set.of(0)), "workers", new TreeSet<>(Set.of(0)));

        assertThat(FairShare.toRelease(segments, held, 2, Set.of("jobs", "workers"))).isEmpty();
        assertThat(FairShare.toRelease(segments, held, 2, Set.of())).isEqualTo(Map.of("jobs", List.of(0)));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 13, 20})
    void segmentsDealtRoundTheInstancesAreAStableSpread(int live) {
        var instances = dealt(live);

        for (var held : instances) {
            assertThat(FairShare.toRelease(SEGMENTS, held, live, Set.of())).isEmpty();
        }
    }

    /**
     * No ping-pong: the first instance holds everything, others join; every round each instance
     * releases what it should and the instances holding least take it. After a few rounds nobody
     * releases anything, and everyone is within its share of each processor and of the whole.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 6})
    void instancesThatJoinReachAStableSpreadWithinAFewRounds(int live) {
        List<Map<String, Set<Integer>>> instances = new ArrayList<>();
        instances.add(everything());
        for (int i = 1; i < live; i++) {
            instances.add(new TreeMap<>());
        }
        int rounds = 0;
        while (releaseRound(instances, live)) {
            rounds++;
            assertThat(rounds).as("rounds before the spread is stable").isLessThan(10);
        }

        int total = SEGMENTS.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(instances.stream().mapToInt(FairShareTest::total).sum()).isEqualTo(total);
        for (var held : instances) {
            assertThat(total(held)).isLessThanOrEqualTo(FairShare.ofAll(SEGMENTS, live)).isGreaterThan(0);
            held.forEach((processor, ids) ->
                    assertThat(ids.size()).isLessThanOrEqualTo(FairShare.ofProcessor(SEGMENTS.get(processor), live)));
        }
    }

    @Test
    void whenAnInstanceLeavesTheSurvivorsSpreadItsSegmentsAndSettle() {
        var instances = dealt(3);
        var dead = instances.remove(2);
        // the first survivor took the dead instance's segments over
        dead.forEach((processor, ids) -> instances.get(0).computeIfAbsent(processor, p -> new TreeSet<>()).addAll(ids));

        assertThat(releaseRound(instances, 2)).as("the survivor over its share releases").isTrue();
        assertThat(releaseRound(instances, 2)).as("then nothing moves").isFalse();
        for (var held : instances) {
            assertThat(total(held)).isLessThanOrEqualTo(FairShare.ofAll(SEGMENTS, 2));
        }
    }

    /** One round: every instance releases, the released segments go to whoever holds least; whether anything moved. */
    private static boolean releaseRound(List<Map<String, Set<Integer>>> instances, int live) {
        boolean moved = false;
        for (var releaser : instances) {
            var release = FairShare.toRelease(SEGMENTS, releaser, live, Set.of());
            for (var processor : release.entrySet()) {
                for (int id : processor.getValue()) {
                    releaser.get(processor.getKey()).remove(id);
                    var taker = instances.stream().filter(other -> other != releaser)
                            .min(Comparator.comparingInt(FairShareTest::total)).orElseThrow();
                    taker.computeIfAbsent(processor.getKey(), p -> new TreeSet<>()).add(id);
                    moved = true;
                }
            }
        }
        return moved;
    }

    /** Every processor's segments dealt round the instances in turn, as one long deal. */
    private static List<Map<String, Set<Integer>>> dealt(int live) {
        List<Map<String, Set<Integer>>> instances = new ArrayList<>();
        for (int i = 0; i < live; i++) {
            instances.add(new TreeMap<>());
        }
        int next = 0;
        for (var processor : new TreeMap<>(SEGMENTS).entrySet()) {
            for (int id = 0; id < processor.getValue(); id++) {
                instances.get(next++ % live).computeIfAbsent(processor.getKey(), p -> new TreeSet<>()).add(id);
            }
        }
        return instances;
    }

    private static Map<String, Set<Integer>> everything() {
        Map<String, Set<Integer>> held = new TreeMap<>();
        SEGMENTS.forEach((processor, count) -> {
            Set<Integer> ids = new TreeSet<>();
            for (int id = 0; id < count; id++) {
                ids.add(id);
            }
            held.put(processor, ids);
        });
        return held;
    }

    private static int total(Map<String, Set<Integer>> held) {
        return held.values().stream().mapToInt(Set::size).sum();
    }

    private static int count(Map<String, List<Integer>> release) {
        return release.values().stream().mapToInt(List::size).sum();
    }
}
