package dev.gigstream.query.ranking;

import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.query.worker.WorkerCandidate;

import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who fits a job, and in which order. A worker fits when they are not suspended, hold every required
 * skill, live within {@value #MAX_DISTANCE_KM} km of the site and are available for the whole shift.
 * Fitting workers rank by premium first, then by Bayesian rating average, higher first (unrated workers
 * after rated ones), then by reliability score, higher first (workers without a score after those with
 * one), then by how recently they were online; distance and id break the remaining ties.
 */
public final class RankingPolicy {

    public static final double MAX_DISTANCE_KM = 50;

    static final Comparator<Fit> ORDER = Comparator
            .comparing((Fit fit) -> !fit.candidate().premium())
            .thenComparing(fit -> fit.candidate().bayesianAverage(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(fit -> fit.candidate().reliabilityScore(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(fit -> fit.candidate().lastOnlineAt(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparingDouble(Fit::distanceKm)
            .thenComparing(fit -> fit.candidate().workerId());

    private RankingPolicy() {
    }

    /** What a job asks of a worker. The zone is the one the shift's local days and hours are read in. */
    public record Needs(List<String> requiredSkills, GeoPoint site, ShiftWindow shift, ZoneId zone) {
    }

    /** A worker who fits, with the facts that made them fit. */
    public record Fit(WorkerCandidate candidate, double distanceKm, List<String> matchedSkills) {
    }

    public static Optional<Fit> assess(Needs needs, WorkerCandidate candidate) {
        if (candidate.suspended() || candidate.home() == null || !candidate.skills().containsAll(needs.requiredSkills())) {
            return Optional.empty();
        }
        double distanceKm = candidate.home().distanceKmTo(needs.site());
        if (distanceKm > MAX_DISTANCE_KM || !ShiftCoverage.covers(candidate.availability(), needs.shift(), needs.zone())) {
            return Optional.empty();
        }
        return Optional.of(new Fit(candidate, distanceKm, needs.requiredSkills()));
    }

    /** The fitting candidates, best first. */
    public static List<Fit> rank(Needs needs, Collection<WorkerCandidate> candidates) {
        return candidates.stream()
                .map(candidate -> assess(needs, candidate))
                .flatMap(Optional::stream)
                .sorted(ORDER)
                .toList();
    }
}
