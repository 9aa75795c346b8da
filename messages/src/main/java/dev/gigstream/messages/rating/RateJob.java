package dev.gigstream.messages.rating;

import dev.gigstream.messages.common.JobId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A party of a finished job rates the other: 1 to 5 stars, an optional comment. */
public record RateJob(@TargetAggregateIdentifier String ratingsId, JobId jobId, String raterId, int stars, String comment,
                      Instant at) {
}
