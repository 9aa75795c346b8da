package dev.gigstream.messages.escrow;

/** The escrow waits for an operator to retry the payout {@code payoutReference}. */
public record PayoutFlaggedForAdmin(String escrowId, String jobId, String payoutReference, String reason) {
}
