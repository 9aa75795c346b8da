package dev.gigstream.messages.dispute;

import dev.gigstream.messages.common.DisputeId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record WithdrawDispute(@TargetAggregateIdentifier DisputeId disputeId, String by, Instant at) {
}
