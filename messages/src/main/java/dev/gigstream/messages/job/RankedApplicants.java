package dev.gigstream.messages.job;

import java.time.Instant;
import java.util.List;

/**
 * A job's eligible applicants, best first, each with why it ranks there. {@code clientId} lets the
 * edge check that only the job's client reads them.
 */
public record RankedApplicants(String jobId, String clientId, List<Applicant> items) {

    public record Applicant(String workerId,
                            String fullName,
                            int rank,
                            boolean premium,
                            Double ratingAverage,
                            Double bayesianAverage,
                            int ratingCount,
                            Integer reliabilityScore,
                            boolean phoneVerified,
                            Instant lastOnlineAt,
                            double distanceKm,
                            List<String> matchedSkills) {
    }
}
