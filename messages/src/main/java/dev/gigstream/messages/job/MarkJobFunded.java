package dev.gigstream.messages.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The escrow of the hire is funded: the shift is on. */
public record MarkJobFunded(@TargetAggregateIdentifier String jobId, String escrowId) {
}
