package dev.gigstream.api.messaging;

import java.util.Set;

/** The names of the read-model projections (their processing groups and event processors). */
public record Projections(Set<String> names) {

    public Projections {
        names = Set.copyOf(names);
    }
}
