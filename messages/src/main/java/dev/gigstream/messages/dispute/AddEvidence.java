package dev.gigstream.messages.dispute;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record AddEvidence(@TargetAggregateIdentifier String disputeId, String by, String text, Instant at) {
}
