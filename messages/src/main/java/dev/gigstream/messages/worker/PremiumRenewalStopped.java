package dev.gigstream.messages.worker;

import java.time.Instant;

public record PremiumRenewalStopped(String workerId, Instant premiumUntil, String reason) {
}
