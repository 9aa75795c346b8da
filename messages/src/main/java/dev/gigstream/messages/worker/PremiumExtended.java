package dev.gigstream.messages.worker;

import java.time.Instant;

public record PremiumExtended(String workerId, Instant until) {
}
