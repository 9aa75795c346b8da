package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.NotPersonal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Paystack says the transfer to the worker succeeded. */
public record ConfirmPayout(@TargetAggregateIdentifier EscrowId escrowId, @NotPersonal String payoutReference) {
}
