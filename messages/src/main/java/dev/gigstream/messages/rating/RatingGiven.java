package dev.gigstream.messages.rating;

import dev.gigstream.messages.common.JobId;

import java.time.Instant;

/** A rating is stored hidden: nobody but its author sees it until it is revealed. */
public record RatingGiven(String ratingsId, JobId jobId, String raterId, RaterRole raterRole, String rateeId, int stars,
                          String comment, Instant at) {
}
