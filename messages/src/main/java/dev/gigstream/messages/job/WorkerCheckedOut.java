package dev.gigstream.messages.job;

import dev.gigstream.messages.common.GeoPoint;

import java.time.Instant;

public record WorkerCheckedOut(String jobId,
                               String workerId,
                               GeoPoint location,
                               double distanceMeters,
                               Instant at) {
}
