package dev.gigstream.messages.worker;

import java.time.Instant;

public record BadgeAwarded(String workerId, Badge badge, Instant at) {
}
