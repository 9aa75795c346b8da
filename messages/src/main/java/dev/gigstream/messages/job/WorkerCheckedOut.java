package dev.gigstream.messages.job;

import dev.gigstream.messages.common.GeoPoint;

import java.time.Instant;

/** {@code automatic} when the platform checked the worker out (then no location). */
public record WorkerCheckedOut(String jobId,
                               String workerId,
                               GeoPoint location,
                               double distanceMeters,
                               Instant at,
                               boolean automatic) {
}
