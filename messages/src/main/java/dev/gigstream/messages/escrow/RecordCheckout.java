package dev.gigstream.messages.escrow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Paystack opened a checkout page for the charge. */
public record RecordCheckout(@TargetAggregateIdentifier String escrowId, String authorizationUrl) {
}
