package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.NotPersonal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Only an escrow that was never funded can be cancelled. */
public record CancelEscrow(@TargetAggregateIdentifier EscrowId escrowId, @NotPersonal String reason) {
}
