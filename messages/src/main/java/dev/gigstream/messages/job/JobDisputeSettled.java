package dev.gigstream.messages.job;

import dev.gigstream.messages.dispute.DisputeOutcome;

/** An admin settled the dispute: the job ends COMPLETED (the worker is paid, whole or in part) or CANCELLED. */
public record JobDisputeSettled(String jobId, String disputeId, DisputeOutcome outcome, JobStatus status) {
}
