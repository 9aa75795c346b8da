package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.WorkerId;

import java.time.Instant;

public record BadgeAwarded(WorkerId workerId, Badge badge, Instant at) {
}
