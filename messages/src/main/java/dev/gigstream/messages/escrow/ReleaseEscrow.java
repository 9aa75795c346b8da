package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The shift is confirmed: the worker's pay becomes payable and the service fee is earned; a payout follows. */
public record ReleaseEscrow(@TargetAggregateIdentifier EscrowId escrowId) {
}
