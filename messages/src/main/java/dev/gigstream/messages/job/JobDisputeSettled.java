package dev.gigstream.messages.job;

import dev.gigstream.messages.dispute.DisputeOutcome;

/**
 * An admin settled the dispute: the job ends COMPLETED (the worker is paid, whole or in part) or
 * CANCELLED (everything refunded).
 */
public record JobDisputeSettled(String jobId, String disputeId, String clientId, String workerId, DisputeOutcome outcome,
                                JobStatus status) {
}
