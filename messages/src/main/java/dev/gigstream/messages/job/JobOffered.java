package dev.gigstream.messages.job;

import java.time.Instant;

/** Background matching offered a newly posted job to a worker who fits it; the offer lapses at {@code expiresAt}. */
public record JobOffered(String jobId, String workerId, int rank, Instant offeredAt, Instant expiresAt) {
}
