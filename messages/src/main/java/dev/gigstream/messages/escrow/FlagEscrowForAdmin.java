package dev.gigstream.messages.escrow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Something an operator must look at beyond a stuck payout (money after cancellation, a chargeback, a refund refused). */
public record FlagEscrowForAdmin(@TargetAggregateIdentifier String escrowId, String reason) {
}
