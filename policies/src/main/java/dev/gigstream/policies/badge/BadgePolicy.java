package dev.gigstream.policies.badge;

import dev.gigstream.messages.worker.Badge;
import dev.gigstream.query.rating.BayesianAverage;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which badges a worker's progress has earned, each at its threshold. Only revealed ratings given by
 * clients count towards a worker's streak and average; the average is pulled towards the platform-wide
 * mean ({@link BayesianAverage}) so that a handful of 5★ ratings does not make a worker top rated.
 */
public final class BadgePolicy {

    public static final int SHIFTS_FOR_FIRST_SHIFT = 1;
    public static final int SHIFTS_FOR_TEN_SHIFTS = 10;
    public static final int SHIFTS_FOR_FIFTY_SHIFTS = 50;
    /** Consecutive ratings of {@value #STREAK_STARS}★ from clients; any lower rating starts the streak again. */
    public static final int FIVE_STAR_STREAK_LENGTH = 5;
    public static final int STREAK_STARS = 5;
    /** Consecutive completed shifts without a no-show; a no-show starts the run again. */
    public static final int RELIABLE_RUN_LENGTH = 20;
    public static final double TOP_RATED_MIN_AVERAGE = 4.8;
    public static final int TOP_RATED_MIN_RATINGS = 20;

    // stars are whole numbers, so an average of exactly 4.8 may come out of the division a hair below it
    private static final double ROUNDING = 1e-9;

    private final BayesianAverage bayesian;

    public BadgePolicy(BayesianAverage bayesian) {
        this.bayesian = bayesian;
    }

    /**
     * What a worker has done so far.
     *
     * @param completedShifts      shifts completed, each job once (a dispute settled as completed counts)
     * @param shiftsSinceNoShow    completed shifts since the last no-show (or ever)
     * @param fiveStarStreak       5★ client ratings received in a row, most recent last
     * @param clientRatings        revealed ratings received from clients
     * @param clientStars          their stars added up
     * @param platformRatings      every revealed rating on the platform
     * @param platformStars        their stars added up
     */
    public record Progress(long completedShifts, long shiftsSinceNoShow, long fiveStarStreak, long clientRatings,
                           long clientStars, long platformRatings, long platformStars) {
    }

    /** The badges earned, in a new set. */
    public Set<Badge> earned(Progress progress) {
        Set<Badge> earned = EnumSet.noneOf(Badge.class);
        if (progress.completedShifts() >= SHIFTS_FOR_FIRST_SHIFT) {
            earned.add(Badge.FIRST_SHIFT);
        }
        if (progress.completedShifts() >= SHIFTS_FOR_TEN_SHIFTS) {
            earned.add(Badge.TEN_SHIFTS);
        }
        if (progress.completedShifts() >= SHIFTS_FOR_FIFTY_SHIFTS) {
            earned.add(Badge.FIFTY_SHIFTS);
        }
        if (progress.fiveStarStreak() >= FIVE_STAR_STREAK_LENGTH) {
            earned.add(Badge.FIVE_STAR_STREAK);
        }
        if (progress.shiftsSinceNoShow() >= RELIABLE_RUN_LENGTH) {
            earned.add(Badge.RELIABLE);
        }
        if (topRated(progress)) {
            earned.add(Badge.TOP_RATED);
        }
        return earned;
    }

    private boolean topRated(Progress progress) {
        if (progress.clientRatings() < TOP_RATED_MIN_RATINGS) {
            return false;
        }
        Double average = bayesian.of(progress.clientRatings(), progress.clientStars(), progress.platformRatings(),
                progress.platformStars());
        return average != null && average >= TOP_RATED_MIN_AVERAGE - ROUNDING;
    }
}
