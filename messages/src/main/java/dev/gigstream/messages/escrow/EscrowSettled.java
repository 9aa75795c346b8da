package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;

/**
 * Nothing is owed any more: every payout went through and every refund was processed. {@code status}
 * is RELEASED, REFUNDED or SPLIT. A reversed payout can reopen the escrow and settle it again.
 */
public record EscrowSettled(EscrowId escrowId, JobId jobId, EscrowStatus status) {
}
