package dev.gigstream.messages.job;

public record HireLapsed(String jobId, String workerId, String escrowId, String reason) {
}
