package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.WorkerId;

import java.time.Instant;

/** The premium period {@code periodEnd} ended without a renewal. */
public record PremiumEnded(WorkerId workerId, Instant periodEnd) {
}
