package dev.gigstream.messages.job;

import java.time.Instant;

/** An offer to a worker who fits a newly posted job; it lapses at {@code expiresAt}. */
public record JobMatch(String jobId, String workerId, int rank, Instant offeredAt, Instant expiresAt) {
}
