package dev.gigstream.messages.job;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.NotPersonal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The client confirms the work was done; {@code automatic} when the confirmation window ran out. */
public record ConfirmShift(@TargetAggregateIdentifier JobId jobId, @NotPersonal String clientId, boolean automatic) {
}
