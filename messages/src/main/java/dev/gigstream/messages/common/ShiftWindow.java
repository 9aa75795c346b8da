package dev.gigstream.messages.common;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** When a shift runs: from {@code start} (inclusive) to {@code end} (exclusive), start before end. */
public record ShiftWindow(Instant start, Instant end) {

    public ShiftWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a shift's start must be before its end");
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    public boolean hasStartedAt(Instant at) {
        return !at.isBefore(start);
    }
}
