package dev.gigstream.messages.dispute;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record WithdrawDispute(@TargetAggregateIdentifier String disputeId, String by, Instant at) {
}
