package dev.gigstream.messages.dispute;

import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.NotPersonal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record WithdrawDispute(@TargetAggregateIdentifier DisputeId disputeId, @NotPersonal String by, Instant at) {
}
