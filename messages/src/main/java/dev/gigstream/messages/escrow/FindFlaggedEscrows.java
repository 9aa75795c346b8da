package dev.gigstream.messages.escrow;

/** Escrows waiting for an operator (a payout that keeps failing, an OTP, money after cancellation), oldest first. */
public record FindFlaggedEscrows(int limit) {
}
