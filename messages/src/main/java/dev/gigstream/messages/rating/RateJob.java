package dev.gigstream.messages.rating;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A party of a finished job rates the other: 1 to 5 stars, an optional comment. */
public record RateJob(@NotPersonal @TargetAggregateIdentifier String ratingsId,
                      JobId jobId,
                      @NotPersonal String raterId,
                      int stars,
                      @PersonalData(subject = "raterId") String comment,
                      Instant at) {
}
