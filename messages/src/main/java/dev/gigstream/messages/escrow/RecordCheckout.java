package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.NotPersonal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Paystack opened a checkout page for the charge. */
public record RecordCheckout(@TargetAggregateIdentifier EscrowId escrowId, @NotPersonal String authorizationUrl) {
}
