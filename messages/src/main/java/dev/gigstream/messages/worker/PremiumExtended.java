package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.WorkerId;

import java.time.Instant;

public record PremiumExtended(WorkerId workerId, Instant until) {
}
