package dev.gigstream.messages.job;

import java.time.Instant;

public record WorkerApplied(String jobId, String workerId, String note, Instant appliedAt) {
}
