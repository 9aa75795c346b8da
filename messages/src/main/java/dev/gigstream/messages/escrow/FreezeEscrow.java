package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.NotPersonal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Disputes freeze the money until an admin decides. */
public record FreezeEscrow(@TargetAggregateIdentifier EscrowId escrowId, @NotPersonal String reason) {
}
