package dev.gigstream.messages.admin;

import java.time.Duration;
import java.time.Instant;

/** The platform's numbers now; a worker counts as active when seen online since {@code activeSince}. */
public record FindAdminStats(Instant activeSince) {

    /** How far back a worker's last time online makes them an active worker. */
    public static final Duration ACTIVE_WINDOW = Duration.ofDays(30);

    public static FindAdminStats asOf(Instant now) {
        return new FindAdminStats(now.minus(ACTIVE_WINDOW));
    }
}
