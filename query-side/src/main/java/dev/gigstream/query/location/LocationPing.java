package dev.gigstream.query.location;

import dev.gigstream.messages.common.GeoPoint;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Where a hired worker was, as their phone reported it during a shift: {@code accuracyM} is the
 * radius the phone gives for the fix (null when it gave none); {@code at} is when the server took it,
 * kept to the millisecond as MongoDB stores it.
 */
public record LocationPing(String workerId, String jobId, GeoPoint point, Double accuracyM, Instant at) {

    public LocationPing {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(point, "point");
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
    }

    /** The accuracy radius in metres, zero when the phone gave none. */
    double uncertaintyMeters() {
        return accuracyM == null ? 0 : accuracyM;
    }
}
