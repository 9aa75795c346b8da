package dev.gigstream.messages.job;

import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.dispute.DisputeOutcome;

/**
 * An admin settled the dispute: the job ends COMPLETED (the worker is paid, whole or in part) or
 * CANCELLED (everything refunded).
 */
public record JobDisputeSettled(JobId jobId, DisputeId disputeId, @NotPersonal String clientId, WorkerId workerId, DisputeOutcome outcome,
                                JobStatus status) {
}
