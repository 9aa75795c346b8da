package dev.gigstream.query.worker;

import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.worker.AvailabilityWindow;

import java.time.Instant;
import java.util.List;

/** What ranking and matching know of a worker. {@code ratingAverage} is null while the worker is unrated. */
public record WorkerCandidate(String workerId,
                              String fullName,
                              List<String> skills,
                              GeoPoint home,
                              List<AvailabilityWindow> availability,
                              boolean premium,
                              Double ratingAverage,
                              int ratingCount,
                              Instant lastOnlineAt,
                              boolean suspended) {
}
