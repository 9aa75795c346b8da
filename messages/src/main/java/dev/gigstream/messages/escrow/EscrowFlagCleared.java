package dev.gigstream.messages.escrow;

/** The cause of the flag {@code reason} was resolved: an operator no longer needs to act on it. */
public record EscrowFlagCleared(String escrowId, String jobId, String reason, String cause) {
}
