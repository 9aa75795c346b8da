package dev.gigstream.messages.worker;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/** A weekly window in which a worker takes shifts, in the platform's local time (West Africa, UTC+0/+1). */
public record AvailabilityWindow(DayOfWeek dayOfWeek, LocalTime from, LocalTime to) {

    public AvailabilityWindow {
        Objects.requireNonNull(dayOfWeek, "dayOfWeek");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("an availability window's from must be before its to");
        }
    }

    public boolean overlaps(AvailabilityWindow other) {
        return dayOfWeek == other.dayOfWeek && from.isBefore(other.to) && other.from.isBefore(to);
    }
}
