package dev.gigstream.messages.job;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The escrow of the hire is funded: the shift is on. */
public record MarkJobFunded(@TargetAggregateIdentifier JobId jobId, EscrowId escrowId) {
}
