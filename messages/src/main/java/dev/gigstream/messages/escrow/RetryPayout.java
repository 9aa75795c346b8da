package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.NotPersonal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin fixed the cause of a stuck payout (an account, an OTP setting) and asks for another try. */
public record RetryPayout(@TargetAggregateIdentifier EscrowId escrowId, @NotPersonal String adminId) {
}
