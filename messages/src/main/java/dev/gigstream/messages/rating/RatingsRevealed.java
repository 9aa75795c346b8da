package dev.gigstream.messages.rating;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;

import java.time.Instant;
import java.util.List;

/**
 * Ratings become visible: both at once when both parties have rated, or whatever was given when
 * the reveal deadline (7 days after the job finished) passes; a rating given after that is
 * revealed as it is given. Only revealed ratings count in averages.
 */
public record RatingsRevealed(@NotPersonal String ratingsId, JobId jobId, List<Rating> ratings, Instant at) {

    public record Rating(@NotPersonal String raterId,
                         RaterRole raterRole,
                         @NotPersonal String rateeId,
                         int stars,
                         @PersonalData(subject = "raterId") String comment,
                         Instant at) {
    }
}
