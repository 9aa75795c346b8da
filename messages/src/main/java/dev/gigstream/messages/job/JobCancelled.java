package dev.gigstream.messages.job;

import dev.gigstream.messages.common.Money;

/**
 * {@code escrowId} is set when the job had been funded; then {@code workerShare} (per the cancellation
 * policy) goes to the worker and the rest of the escrow back to the client.
 */
public record JobCancelled(String jobId, String cancelledBy, String reason, String escrowId, Money workerShare) {
}
