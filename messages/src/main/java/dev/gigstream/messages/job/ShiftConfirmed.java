package dev.gigstream.messages.job;

public record ShiftConfirmed(String jobId, String escrowId, String workerId, boolean automatic) {
}
