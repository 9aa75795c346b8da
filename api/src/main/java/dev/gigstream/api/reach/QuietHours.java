package dev.gigstream.api.reach;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The hours of a person's day, in their own time zone, in which nothing but what they must not miss
 * reaches their phone. {@code from} after {@code to} spans midnight (22:00 to 07:00); equal times
 * are no quiet hours at all.
 */
public record QuietHours(LocalTime from, LocalTime to, ZoneId zone) {

    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
    }

    /** Whether {@code at} falls in the quiet hours: from inclusive, to exclusive, on the person's clock. */
    public boolean covers(Instant at) {
        LocalTime local = at.atZone(zone).toLocalTime();
        if (from.equals(to)) {
            return false;
        }
        return from.isBefore(to)
                ? !local.isBefore(from) && local.isBefore(to)
                : !local.isBefore(from) || local.isBefore(to);
    }
}
