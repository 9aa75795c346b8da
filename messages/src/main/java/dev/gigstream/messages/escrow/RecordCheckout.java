package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Paystack opened a checkout page for the charge. */
public record RecordCheckout(@TargetAggregateIdentifier EscrowId escrowId, String authorizationUrl) {
}
