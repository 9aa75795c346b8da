package dev.gigstream.messages.job;

public record FindRankedApplicants(String jobId) {
}
