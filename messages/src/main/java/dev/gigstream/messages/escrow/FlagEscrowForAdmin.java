package dev.gigstream.messages.escrow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Something an operator must look at (payouts keep failing, Paystack wants an OTP). */
public record FlagEscrowForAdmin(@TargetAggregateIdentifier String escrowId, String reason) {
}
