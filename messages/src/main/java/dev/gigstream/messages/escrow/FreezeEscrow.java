package dev.gigstream.messages.escrow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Disputes freeze the money until an admin decides. */
public record FreezeEscrow(@TargetAggregateIdentifier String escrowId, String reason) {
}
