package dev.gigstream.messages.escrow;

public record EscrowUnfrozen(String escrowId, String reason) {
}
