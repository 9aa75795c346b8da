package dev.gigstream.messages.worker;

import java.time.Instant;
import java.util.List;

/**
 * A worker's public profile. {@code ratingAverage} (plain) and {@code bayesianAverage} (pulled towards
 * the platform-wide mean) count revealed ratings only and are null while the worker is unrated;
 * {@code premiumUntil} is when the current premium period ends (null when not premium);
 * {@code lastOnlineAt} is null until known.
 */
public record WorkerProfileView(String workerId,
                                String fullName,
                                List<String> skills,
                                String bio,
                                Double ratingAverage,
                                Double bayesianAverage,
                                int ratingCount,
                                int completedJobs,
                                int noShows,
                                Reliability reliability,
                                List<String> badges,
                                boolean premium,
                                Instant premiumUntil,
                                Instant lastOnlineAt) {
}
