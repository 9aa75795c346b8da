package dev.gigstream.query.ranking;

import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.job.EligibilityReason;
import dev.gigstream.messages.job.JobRules;
import dev.gigstream.query.worker.WorkerCandidate;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who fits a job, and in which order. A worker fits when they are not suspended, hold every required
 * skill, live within {@value #MAX_DISTANCE_KM} km of the site and are available for the whole shift.
 * Fitting workers rank by premium first, then by Bayesian rating average, higher first (unrated workers
 * after rated ones), then by reliability score, higher first (workers without a score after those with
 * one), then by a verified phone number (verified workers first: a code sent to the number proved it is
 * theirs), then by how recently they were online; distance and id break the remaining ties.
 * <p>
 * {@link #judge} is the one place that decides who fits: the ranked applicants, the offers of new jobs
 * and the answer to an application ({@code eligible}, {@code reasons}) all go through it.
 */
public final class RankingPolicy {

    public static final double MAX_DISTANCE_KM = JobRules.ELIGIBLE_WITHIN_KM;

    static final Comparator<Fit> ORDER = Comparator
            .comparing((Fit fit) -> !fit.candidate().premium())
            .thenComparing(fit -> fit.candidate().bayesianAverage(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(fit -> fit.candidate().reliabilityScore(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(fit -> !fit.candidate().phoneVerified())
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

    /**
     * What the rule found about one worker: every reason they are left out, in {@link EligibilityReason}'s
     * order (none: they fit), with the required skills they lack and how far they live from the site
     * (null without a home).
     */
    public record Verdict(List<EligibilityReason> reasons, List<String> missingSkills, Double distanceKm) {

        public boolean fits() {
            return reasons.isEmpty();
        }
    }

    /**
     * Judges a worker against a job; {@code candidate} null is a worker the profiles do not know. Without a
     * home there is no profile to judge, so {@link EligibilityReason#NO_PROFILE} comes alone (with the
     * suspension, if any); otherwise every failed condition is named, so the worker learns all they can change.
     */
    public static Verdict judge(Needs needs, WorkerCandidate candidate) {
        List<EligibilityReason> reasons = new ArrayList<>();
        if (candidate == null || candidate.home() == null) {
            reasons.add(EligibilityReason.NO_PROFILE);
            if (candidate != null && candidate.suspended()) {
                reasons.add(EligibilityReason.SUSPENDED);
            }
            return new Verdict(List.copyOf(reasons), List.of(), null);
        }
        if (candidate.suspended()) {
            reasons.add(EligibilityReason.SUSPENDED);
        }
        List<String> missing = needs.requiredSkills().stream().filter(skill -> !candidate.skills().contains(skill)).toList();
        if (!missing.isEmpty()) {
            reasons.add(EligibilityReason.MISSING_SKILLS);
        }
        double distanceKm = candidate.home().distanceKmTo(needs.site());
        if (distanceKm > MAX_DISTANCE_KM) {
            reasons.add(EligibilityReason.TOO_FAR);
        }
        if (!ShiftCoverage.covers(candidate.availability(), needs.shift(), needs.zone())) {
            reasons.add(EligibilityReason.NOT_AVAILABLE);
        }
        return new Verdict(List.copyOf(reasons), missing, distanceKm);
    }

    /** The worker's fit, or empty when {@link #judge} names any reason to leave them out. */
    public static Optional<Fit> assess(Needs needs, WorkerCandidate candidate) {
        Verdict verdict = judge(needs, candidate);
        return verdict.fits() ? Optional.of(new Fit(candidate, verdict.distanceKm(), needs.requiredSkills()))
                : Optional.empty();
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
