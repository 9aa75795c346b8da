package dev.gigstream.messages.compliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** An admin has looked at the flag; acknowledging it again keeps the first acknowledgement. */
public record AcknowledgeComplianceFlag(@TargetAggregateIdentifier String flagId, String adminId, String note, Instant at) {
}
