package dev.gigstream.messages.job;

import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.dispute.DisputeOutcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin resolved the dispute: the job ends (sent by the lifecycle on {@code DisputeResolved}). */
public record SettleJobDispute(@TargetAggregateIdentifier JobId jobId, DisputeId disputeId, DisputeOutcome outcome) {
}
