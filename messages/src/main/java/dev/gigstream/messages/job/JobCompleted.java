package dev.gigstream.messages.job;

public record JobCompleted(String jobId, String workerId) {
}
