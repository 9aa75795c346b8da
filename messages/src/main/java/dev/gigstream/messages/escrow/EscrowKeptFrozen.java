package dev.gigstream.messages.escrow;

/**
 * The dispute that froze the escrow ended ({@code reason}), but the open chargeback
 * {@code chargebackId} keeps the money frozen until Paystack resolves it.
 */
public record EscrowKeptFrozen(String escrowId, String jobId, String reason, String chargebackId) {
}
