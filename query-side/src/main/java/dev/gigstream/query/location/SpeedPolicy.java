package dev.gigstream.query.location;

import java.time.Duration;

/**
 * Flags consecutive pings of a worker that no honest phone could report: moving faster than
 * {@value #MAX_PLAUSIBLE_KMH} km/h between them (a spoofed location, or a shared account). The
 * distance counted is what the worker must have covered at least: the great-circle distance less
 * both pings' accuracy radii, so GPS jitter on a coarse fix never looks like speed.
 */
public final class SpeedPolicy {

    public static final double MAX_PLAUSIBLE_KMH = 200;

    private SpeedPolicy() {
    }

    /** The least distance in km between the two fixes, given their accuracy. */
    public static double leastDistanceKm(LocationPing from, LocationPing to) {
        double km = from.point().distanceKmTo(to.point()) - (from.uncertaintyMeters() + to.uncertaintyMeters()) / 1_000;
        return Math.max(0, km);
    }

    /** The least speed in km/h the two pings imply; infinite for a move with no time in between. */
    public static double impliedKmh(LocationPing from, LocationPing to) {
        double km = leastDistanceKm(from, to);
        if (km == 0) {
            return 0;
        }
        Duration elapsed = Duration.between(from.at(), to.at()).abs();
        if (elapsed.isZero()) {
            return Double.POSITIVE_INFINITY;
        }
        return km / (elapsed.toMillis() / 3_600_000.0);
    }

    public static boolean implausible(LocationPing from, LocationPing to) {
        return impliedKmh(from, to) > MAX_PLAUSIBLE_KMH;
    }
}
