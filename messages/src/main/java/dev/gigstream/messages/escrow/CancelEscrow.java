package dev.gigstream.messages.escrow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Only an escrow that was never funded can be cancelled. */
public record CancelEscrow(@TargetAggregateIdentifier String escrowId, String reason) {
}
