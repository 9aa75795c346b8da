package dev.gigstream.messages.job;

import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.JobId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The dispute was withdrawn: the job goes back to where it was (sent by the lifecycle on {@code DisputeWithdrawn}). */
public record WithdrawJobDispute(@TargetAggregateIdentifier JobId jobId, DisputeId disputeId) {
}
