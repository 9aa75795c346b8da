package dev.gigstream.messages.escrow;

public record EscrowFlaggedForAdmin(String escrowId, String jobId, String reason) {
}
