package dev.gigstream.messages.job;

public record WorkerNoShow(String jobId, String workerId, String escrowId) {
}
