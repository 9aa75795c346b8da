package dev.gigstream.messages.job;

public record FindJob(String jobId) {
}
