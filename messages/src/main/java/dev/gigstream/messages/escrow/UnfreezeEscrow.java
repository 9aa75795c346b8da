package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.NotPersonal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UnfreezeEscrow(@TargetAggregateIdentifier EscrowId escrowId, @NotPersonal String reason) {
}
