package dev.gigstream.query.location;

import dev.gigstream.messages.job.JobRules;

import java.time.Duration;
import java.time.Instant;

/**
 * How often a worker's pings are taken: at most one per {@link #MIN_INTERVAL}, so a ping is accepted
 * when the worker's last accepted one is at least that old. A ping refused for being too soon is told
 * how many whole seconds to wait ({@code Retry-After}), never less than one.
 */
public final class PingRate {

    public static final Duration MIN_INTERVAL = Duration.ofSeconds(JobRules.LOCATION_EVERY_SECONDS);

    private PingRate() {
    }

    /** The latest time the last accepted ping may have been taken for a ping at {@code now} to be accepted. */
    public static Instant lastAcceptedNoLaterThan(Instant now) {
        return now.minus(MIN_INTERVAL);
    }

    public static boolean accepts(Instant lastAccepted, Instant now) {
        return !lastAccepted.isAfter(lastAcceptedNoLaterThan(now));
    }

    /** Whole seconds from {@code now} until a ping would be accepted again, rounded up, at least 1. */
    public static long retryAfterSeconds(Instant lastAccepted, Instant now) {
        Duration wait = Duration.between(now, lastAccepted.plus(MIN_INTERVAL));
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
