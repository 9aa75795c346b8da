package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.WorkerId;

/** An operator retries the stuck payout under {@code payoutReference}; its flag is cleared, other flags stay. */
public record PayoutRetryRequested(EscrowId escrowId, JobId jobId, WorkerId workerId, @NotPersonal String payoutReference, Money amount,
                                   @NotPersonal String requestedBy) {
}
