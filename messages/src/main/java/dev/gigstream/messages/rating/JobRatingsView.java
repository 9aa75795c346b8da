package dev.gigstream.messages.rating;

import java.time.Instant;
import java.util.List;

/** Every rating of a job, hidden ones included ({@code revealed} false): the edge shows each party only what it may see. */
public record JobRatingsView(String jobId, List<Item> items) {

    public record Item(String raterId, RaterRole byRole, String rateeId, int stars, String comment, Instant at,
                       boolean revealed) {
    }
}
