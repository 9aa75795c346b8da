package dev.gigstream.api.messaging;

import java.util.Map;
import java.util.Set;

/**
 * The read-model projections by processing group: {@code shared} ones keep their state and tokens in
 * MongoDB (one copy for all instances), {@code perInstance} ones keep both in each instance's memory;
 * {@code fromHead} ones (per instance) start at the head of the stream instead of replaying it, and
 * {@code inOrder} ones run a single segment. {@code processors} names the processor a group shares
 * with others ({@link dev.gigstream.query.common.SharedProcessor}); a group not in it has a processor
 * of its own, named after the group.
 */
public record Projections(Set<String> shared, Set<String> perInstance, Set<String> fromHead, Set<String> inOrder,
                          Map<String, String> processors) {

    public Projections {
        shared = Set.copyOf(shared);
        perInstance = Set.copyOf(perInstance);
        fromHead = Set.copyOf(fromHead);
        inOrder = Set.copyOf(inOrder);
        processors = Map.copyOf(processors);
    }

    /** Whether the processing group is a projection, shared or per instance. */
    public boolean contains(String processingGroup) {
        return shared.contains(processingGroup) || perInstance.contains(processingGroup);
    }

    /** The name of the processor that runs the processing group. */
    public String processorOf(String processingGroup) {
        return processors.getOrDefault(processingGroup, processingGroup);
    }

    /** The names of the processors that run projections of {@code groups}. */
    public Set<String> processorsOf(Set<String> groups) {
        return groups.stream().map(this::processorOf).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The processing groups the processor runs. */
    public Set<String> groupsOf(String processorName) {
        Set<String> groups = new java.util.TreeSet<>(shared);
        groups.addAll(perInstance);
        groups.removeIf(group -> !processorOf(group).equals(processorName));
        return groups;
    }

    /** Whether the processor runs projections only (and so one segment, tokens next to the read models). */
    public boolean runsProjections(String processorName) {
        return processorsOf(shared).contains(processorName) || processorsOf(perInstance).contains(processorName);
    }
}
