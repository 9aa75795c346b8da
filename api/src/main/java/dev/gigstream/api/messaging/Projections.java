package dev.gigstream.api.messaging;

import java.util.Set;

/**
 * The read-model projections by processing group: {@code shared} ones keep their state and tokens in
 * MongoDB (one copy for all instances), {@code perInstance} ones keep both in each instance's memory;
 * {@code fromHead} ones (per instance) start at the head of the stream instead of replaying it, and
 * {@code inOrder} ones run a single segment.
 */
public record Projections(Set<String> shared, Set<String> perInstance, Set<String> fromHead, Set<String> inOrder) {

    public Projections {
        shared = Set.copyOf(shared);
        perInstance = Set.copyOf(perInstance);
        fromHead = Set.copyOf(fromHead);
        inOrder = Set.copyOf(inOrder);
    }

    /** Whether the processing group is a projection, shared or per instance. */
    public boolean contains(String processingGroup) {
        return shared.contains(processingGroup) || perInstance.contains(processingGroup);
    }
}
