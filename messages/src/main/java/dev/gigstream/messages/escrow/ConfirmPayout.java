package dev.gigstream.messages.escrow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Paystack says the transfer to the worker succeeded. */
public record ConfirmPayout(@TargetAggregateIdentifier String escrowId, String payoutReference) {
}
