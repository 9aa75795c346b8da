package dev.gigstream.messages.rating;

import dev.gigstream.messages.common.JobId;

import java.time.Instant;
import java.util.List;

/**
 * Ratings become visible: both at once when both parties have rated, or whatever was given when
 * the reveal deadline (7 days after the job finished) passes; a rating given after that is
 * revealed as it is given. Only revealed ratings count in averages.
 */
public record RatingsRevealed(String ratingsId, JobId jobId, List<Rating> ratings, Instant at) {

    public record Rating(String raterId, RaterRole raterRole, String rateeId, int stars, String comment, Instant at) {
    }
}
