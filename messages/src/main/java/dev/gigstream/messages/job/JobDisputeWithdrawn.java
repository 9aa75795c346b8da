package dev.gigstream.messages.job;

/** The dispute was withdrawn: the job goes back to {@code resumedStatus}, where it was before. */
public record JobDisputeWithdrawn(String jobId, String disputeId, JobStatus resumedStatus) {
}
