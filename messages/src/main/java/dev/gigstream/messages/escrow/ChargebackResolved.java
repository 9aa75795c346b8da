package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.NotPersonal;

/** Paystack's {@code resolution} of a chargeback, as it said it ({@code declined}: the platform won). */
public record ChargebackResolved(EscrowId escrowId, JobId jobId, @NotPersonal String chargebackId, @NotPersonal String resolution) {
}
