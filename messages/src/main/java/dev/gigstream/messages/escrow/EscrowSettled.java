package dev.gigstream.messages.escrow;

/**
 * Nothing is owed any more: every payout went through and every refund was processed. {@code status}
 * is RELEASED, REFUNDED or SPLIT. A reversed payout can reopen the escrow and settle it again.
 */
public record EscrowSettled(String escrowId, String jobId, EscrowStatus status) {
}
