package dev.gigstream.messages.job;

public record JobFunded(String jobId, String escrowId, String workerId) {
}
