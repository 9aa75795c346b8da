package dev.gigstream.messages.rating;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;

import java.time.Instant;

/** A rating is stored hidden: nobody but its author sees it until it is revealed. */
public record RatingGiven(@NotPersonal String ratingsId,
                          JobId jobId,
                          @NotPersonal String raterId,
                          RaterRole raterRole,
                          @NotPersonal String rateeId,
                          int stars,
                          @PersonalData(subject = "raterId") String comment, Instant at) {
}
