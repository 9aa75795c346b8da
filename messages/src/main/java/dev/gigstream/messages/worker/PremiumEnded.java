package dev.gigstream.messages.worker;

import java.time.Instant;

/** The premium period {@code periodEnd} ended without a renewal. */
public record PremiumEnded(String workerId, Instant periodEnd) {
}
