package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.NotPersonal;

/**
 * The dispute that froze the escrow ended ({@code reason}), but the open chargeback
 * {@code chargebackId} keeps the money frozen until Paystack resolves it.
 */
public record EscrowKeptFrozen(EscrowId escrowId, JobId jobId, @NotPersonal String reason, @NotPersonal String chargebackId) {
}
