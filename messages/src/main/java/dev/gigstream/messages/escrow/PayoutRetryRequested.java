package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.Money;

/** An operator retries the stuck payout under {@code payoutReference}; its flag is cleared, other flags stay. */
public record PayoutRetryRequested(String escrowId, String jobId, String workerId, String payoutReference, Money amount,
                                   String requestedBy) {
}
