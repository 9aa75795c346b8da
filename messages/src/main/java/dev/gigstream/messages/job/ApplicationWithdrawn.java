package dev.gigstream.messages.job;

public record ApplicationWithdrawn(String jobId, String workerId) {
}
