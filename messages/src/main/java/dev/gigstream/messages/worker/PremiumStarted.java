package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.WorkerId;

import java.time.Instant;

/** Premium until {@code until}, when it ends unless a renewal extends it. */
public record PremiumStarted(WorkerId workerId, Instant until) {
}
