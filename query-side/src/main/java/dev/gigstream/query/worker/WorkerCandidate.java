package dev.gigstream.query.worker;

import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.worker.AvailabilityWindow;

import java.time.Instant;
import java.util.List;

/**
 * What ranking and matching know of a worker. The averages are null while the worker is unrated, the
 * reliability score before their first finished shift. {@code phoneVerified}: the account's current number
 * was verified by a code sent to it.
 */
public record WorkerCandidate(String workerId,
                              String fullName,
                              List<String> skills,
                              GeoPoint home,
                              List<AvailabilityWindow> availability,
                              boolean premium,
                              Double ratingAverage,
                              Double bayesianAverage,
                              int ratingCount,
                              Integer reliabilityScore,
                              boolean phoneVerified,
                              Instant lastOnlineAt,
                              boolean suspended) {
}
