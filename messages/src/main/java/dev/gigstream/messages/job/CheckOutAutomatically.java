package dev.gigstream.messages.job;

import dev.gigstream.messages.common.JobId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The worker never checked out: the shift end plus the grace period has passed. A no-op once checked out. */
public record CheckOutAutomatically(@TargetAggregateIdentifier JobId jobId, Instant at) {
}
