package dev.gigstream.query.matching;

import dev.gigstream.messages.common.Money;

import java.time.Instant;

/**
 * A job offer in its worker's queue: the worker's {@code rank} for the job (1 is the best fit), what the
 * worker sees of the job, and when the offer lapses. Title, pay and distance are null for offers made
 * before the Job decided offers.
 */
public record QueuedOffer(String jobId,
                          String workerId,
                          int rank,
                          String title,
                          Money pay,
                          Double distanceKm,
                          Instant expiresAt) {
}
