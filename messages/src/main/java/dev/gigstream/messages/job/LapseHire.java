package dev.gigstream.messages.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The client did not pay within the payment window: the hire lapses and the job is open again. */
public record LapseHire(@TargetAggregateIdentifier String jobId, String reason) {
}
