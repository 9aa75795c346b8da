package dev.gigstream.messages.escrow;

public record EscrowFrozen(String escrowId, String reason) {
}
