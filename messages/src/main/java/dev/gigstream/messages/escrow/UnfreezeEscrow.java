package dev.gigstream.messages.escrow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UnfreezeEscrow(@TargetAggregateIdentifier String escrowId, String reason) {
}
