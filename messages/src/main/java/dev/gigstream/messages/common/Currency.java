package dev.gigstream.messages.common;

import java.time.ZoneId;

/**
 * The currencies the platform settles in, each with the local time of its market: availability
 * windows and shift days are read in that zone (Nigeria: WAT, UTC+1; Ghana: GMT, UTC+0).
 */
public enum Currency {
    NGN(ZoneId.of("Africa/Lagos")),
    GHS(ZoneId.of("Africa/Accra"));

    private final ZoneId zone;

    Currency(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }
}
