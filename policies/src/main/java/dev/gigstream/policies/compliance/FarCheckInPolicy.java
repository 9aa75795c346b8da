package dev.gigstream.policies.compliance;

/**
 * A check-in at least {@code minKm} (1 km) from the worker's last ping before it is flagged. The
 * location signal itself is recorded from {@code CheckInWatch}'s own limit; a higher limit here flags
 * only the farthest.
 */
public record FarCheckInPolicy(double minKm) {

    public FarCheckInPolicy {
        if (!(minKm > 0)) {
            throw new IllegalArgumentException("minKm must be positive");
        }
    }

    public boolean flags(double distanceKm) {
        return distanceKm >= minKm;
    }
}
