package dev.gigstream.messages.job;

import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.JobId;

/** The dispute was withdrawn: the job goes back to {@code resumedStatus}, where it was before. */
public record JobDisputeWithdrawn(JobId jobId, DisputeId disputeId, JobStatus resumedStatus) {
}
