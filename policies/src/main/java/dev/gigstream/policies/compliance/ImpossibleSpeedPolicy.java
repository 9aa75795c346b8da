package dev.gigstream.policies.compliance;

/**
 * A worker's live location implying at least {@code minKmh} (200 km/h) between two consecutive pings
 * is flagged. The location signal itself is recorded from {@code SpeedPolicy}'s own limit; a higher
 * limit here flags only the worst of them.
 */
public record ImpossibleSpeedPolicy(double minKmh) {

    public ImpossibleSpeedPolicy {
        if (!(minKmh > 0)) {
            throw new IllegalArgumentException("minKmh must be positive");
        }
    }

    public boolean flags(double leastSpeedKmh) {
        return leastSpeedKmh >= minKmh;
    }
}
