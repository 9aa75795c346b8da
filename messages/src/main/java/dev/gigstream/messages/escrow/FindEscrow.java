package dev.gigstream.messages.escrow;

public record FindEscrow(String escrowId) {
}
