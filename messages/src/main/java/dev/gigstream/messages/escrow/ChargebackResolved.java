package dev.gigstream.messages.escrow;

/** Paystack's {@code resolution} of a chargeback, as it said it ({@code declined}: the platform won). */
public record ChargebackResolved(String escrowId, String jobId, String chargebackId, String resolution) {
}
