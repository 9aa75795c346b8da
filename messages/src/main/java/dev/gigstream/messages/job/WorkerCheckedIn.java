package dev.gigstream.messages.job;

import dev.gigstream.messages.common.GeoPoint;

import java.time.Instant;

/** {@code shiftEnd} lets the lifecycle check out automatically a worker who never checks out. */
public record WorkerCheckedIn(String jobId,
                              String workerId,
                              GeoPoint location,
                              double distanceMeters,
                              Instant at,
                              Instant shiftEnd) {
}
