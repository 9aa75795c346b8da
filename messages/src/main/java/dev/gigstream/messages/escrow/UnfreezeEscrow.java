package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UnfreezeEscrow(@TargetAggregateIdentifier EscrowId escrowId, String reason) {
}
