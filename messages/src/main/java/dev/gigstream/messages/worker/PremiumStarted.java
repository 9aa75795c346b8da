package dev.gigstream.messages.worker;

import java.time.Instant;

/** Premium until {@code until}, when it ends unless a renewal extends it. */
public record PremiumStarted(String workerId, Instant until) {
}
