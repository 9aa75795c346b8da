package dev.gigstream.messages.job;

public record JobCancelled(String jobId, String cancelledBy, String reason) {
}
