package dev.gigstream.messages.escrow;

public record ChargebackResolved(String escrowId, String jobId, String chargebackId, String resolution) {
}
