package dev.gigstream.messages.rating;

import java.time.Instant;
import java.util.List;

/**
 * What a user's revealed ratings add up to: the plain {@code average} and the {@code bayesianAverage}
 * (pulled towards the platform-wide mean, so a single 5★ does not outrank fifty 4.8★); both null
 * while the user is unrated.
 */
public record UserRatingsView(String userId, Double average, Double bayesianAverage, int count, List<Item> items,
                              int page, int size) {

    public record Item(String jobId, int stars, String comment, RaterRole byRole, Instant at) {
    }
}
