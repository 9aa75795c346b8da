package dev.gigstream.messages.job;

import dev.gigstream.messages.common.JobId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The client confirms the work was done; {@code automatic} when the confirmation window ran out. */
public record ConfirmShift(@TargetAggregateIdentifier JobId jobId, String clientId, boolean automatic) {
}
