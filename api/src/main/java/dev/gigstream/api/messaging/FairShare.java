package dev.gigstream.api.messaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How much of the shared processing one instance may hold when {@code live} instances share it: of each
 * processor, {@code ceil(segments / live)} segments, and of all shared processors together,
 * {@code ceil(total segments / live)}, so that processors of a single segment spread over the instances
 * too. An instance that holds more lets go of the excess; one within its share lets go of nothing, so a
 * spread in which every instance is within its share stays as it is (dealing every processor's segments
 * round the instances in turn gives one, so there always is such a spread).
 */
final class FairShare {

    private FairShare() {
    }

    /** The segments of one processor that one instance may hold. */
    static int ofProcessor(int segments, int live) {
        return ceilDiv(segments, live);
    }

    /** The segments of all shared processors together that one instance may hold. */
    static int ofAll(Map<String, Integer> segments, int live) {
        return ceilDiv(segments.values().stream().mapToInt(Integer::intValue).sum(), live);
    }

    /**
     * The segments this instance should release, by processor: first what exceeds each processor's
     * share (its highest segment ids), then, while it still holds more than its share of everything,
     * one segment at a time of the processor it holds furthest above an even split, never so many that the
     * others would have to exceed their share of that processor to take the rest. Segments of processors in {@code keep}
     * (rebuilding a read model, say) count towards what it holds but are never released.
     *
     * @param segments every shared processor's segment count
     * @param held     the segments this instance holds, by processor
     * @param live     the instances alive, this one included
     */
    static Map<String, List<Integer>> toRelease(Map<String, Integer> segments, Map<String, ? extends Collection<Integer>> held,
                                                int live, Set<String> keep) {
        Map<String, TreeSet<Integer>> remaining = new TreeMap<>();
        held.forEach((processor, ids) -> remaining.put(processor, new TreeSet<>(ids)));
        Map<String, List<Integer>> release = new TreeMap<>();
        for (var processor : remaining.entrySet()) {
            String name = processor.getKey();
            int share = ofProcessor(segments.getOrDefault(name, processor.getValue().size()), live);
            while (!keep.contains(name) && processor.getValue().size() > share) {
                release.computeIfAbsent(name, n -> new ArrayList<>()).add(processor.getValue().pollLast());
            }
        }
        int total = remaining.values().stream().mapToInt(Set::size).sum();
        int share = ofAll(segments, live);
        while (total > share) {
            var furthestAbove = remaining.entrySet().stream()
                    .filter(e -> !keep.contains(e.getKey()) && e.getValue().size() > leastToKeep(segments, e, live))
                    .max(Comparator.<Map.Entry<String, TreeSet<Integer>>>comparingInt(e -> aboveEvenSplit(segments, e, live))
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()));
            if (furthestAbove.isEmpty()) {
                break;
            }
            release.computeIfAbsent(furthestAbove.get().getKey(), n -> new ArrayList<>()).add(furthestAbove.get().getValue().pollLast());
            total--;
        }
        return release;
    }

    /** How far above an even split ({@code segments / live}) this instance holds the processor, times {@code live}. */
    private static int aboveEvenSplit(Map<String, Integer> segments, Map.Entry<String, TreeSet<Integer>> held, int live) {
        return held.getValue().size() * live - segments.getOrDefault(held.getKey(), held.getValue().size());
    }

    /** Below this, the other instances could not take the processor's rest without exceeding their share of it. */
    private static int leastToKeep(Map<String, Integer> segments, Map.Entry<String, TreeSet<Integer>> held, int live) {
        int count = segments.getOrDefault(held.getKey(), held.getValue().size());
        return Math.max(0, count - (live - 1) * ofProcessor(count, live));
    }

    private static int ceilDiv(int dividend, int divisor) {
        int by = Math.max(1, divisor);
        return (dividend + by - 1) / by;
    }
}
