package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.NotPersonal;

/** The escrow waits for an operator to retry the payout {@code payoutReference}. */
public record PayoutFlaggedForAdmin(EscrowId escrowId, JobId jobId, @NotPersonal String payoutReference, @NotPersonal String reason) {
}
