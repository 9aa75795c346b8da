package dev.gigstream.messages.job;

/** A dispute was opened on the job: it stays DISPUTED until the dispute is withdrawn or settled. */
public record JobDisputed(String jobId, String disputeId, String escrowId, String openedBy) {
}
