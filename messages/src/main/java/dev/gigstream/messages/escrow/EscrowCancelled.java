package dev.gigstream.messages.escrow;

public record EscrowCancelled(String escrowId, String jobId, String reason) {
}
