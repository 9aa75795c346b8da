package dev.gigstream.messages.job;

/** Whether the ranking would list this worker among the job's applicants, and if not, why. */
public record FindApplicationEligibility(String jobId, String workerId) {
}
