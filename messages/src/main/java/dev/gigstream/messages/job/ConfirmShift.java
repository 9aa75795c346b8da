package dev.gigstream.messages.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The client confirms the work was done; {@code automatic} when the confirmation window ran out. */
public record ConfirmShift(@TargetAggregateIdentifier String jobId, String clientId, boolean automatic) {
}
