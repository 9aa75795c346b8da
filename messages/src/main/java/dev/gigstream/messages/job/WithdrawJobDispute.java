package dev.gigstream.messages.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The dispute was withdrawn: the job goes back to where it was (sent by the lifecycle on {@code DisputeWithdrawn}). */
public record WithdrawJobDispute(@TargetAggregateIdentifier String jobId, String disputeId) {
}
