package dev.gigstream.messages.job;

import dev.gigstream.messages.common.JobId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The expiry sweep found the job open at {@code at}, at or after its shift's start: it expires if it is
 * still open and nobody was hired. A repeat, or a job hired or cancelled since, is a no-op.
 */
public record ExpireJob(@TargetAggregateIdentifier JobId jobId, Instant at) {
}
