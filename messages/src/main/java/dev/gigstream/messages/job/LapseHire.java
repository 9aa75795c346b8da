package dev.gigstream.messages.job;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.NotPersonal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The client did not pay within the payment window: the hire lapses and the job is open again. */
public record LapseHire(@TargetAggregateIdentifier JobId jobId, @NotPersonal String reason) {
}
