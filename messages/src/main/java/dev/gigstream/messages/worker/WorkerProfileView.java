package dev.gigstream.messages.worker;

import java.time.Instant;
import java.util.List;

/** A worker's public profile. {@code ratingAverage} and {@code lastOnlineAt} are null until known. */
public record WorkerProfileView(String workerId,
                                String fullName,
                                List<String> skills,
                                String bio,
                                Double ratingAverage,
                                int ratingCount,
                                int completedJobs,
                                int noShows,
                                List<String> badges,
                                boolean premium,
                                Instant lastOnlineAt) {
}
