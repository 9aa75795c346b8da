package dev.gigstream.api.messaging;

import java.util.Set;

/**
 * The read-model projections by processing group: {@code shared} ones keep their state and tokens in
 * MongoDB (one copy for all instances), {@code perInstance} ones keep both in each instance's memory.
 */
public record Projections(Set<String> shared, Set<String> perInstance) {

    public Projections {
        shared = Set.copyOf(shared);
        perInstance = Set.copyOf(perInstance);
    }
}
