package dev.gigstream.policies.badge;

import dev.gigstream.policies.badge.BadgePolicy.Progress;
import dev.gigstream.query.rating.BayesianAverage;
import org.junit.jupiter.api.Test;

import static dev.gigstream.messages.worker.Badge.FIFTY_SHIFTS;
import static dev.gigstream.messages.worker.Badge.FIRST_SHIFT;
import static dev.gigstream.messages.worker.Badge.FIVE_STAR_STREAK;
import static dev.gigstream.messages.worker.Badge.RELIABLE;
import static dev.gigstream.messages.worker.Badge.TEN_SHIFTS;
import static dev.gigstream.messages.worker.Badge.TOP_RATED;
import static org.assertj.core.api.Assertions.assertThat;

class BadgePolicyTest {

    private final BadgePolicy policy = new BadgePolicy(new BayesianAverage(5));

    /** Shifts completed, with a no-show after the last one, so that only the shift-count badges are in play. */
    private static Progress completed(long shifts) {
        return new Progress(shifts, 0, 0, 0, 0, 0, 0);
    }

    /** Client ratings received, against a platform of 100 ratings averaging exactly 4.8★. */
    private static Progress rated(long ratings, long stars) {
        return new Progress(0, 0, 0, ratings, stars, 100, 480);
    }

    @Test
    void firstShiftOnTheFirstCompletedShift() {
        assertThat(policy.earned(completed(0))).isEmpty();
        assertThat(policy.earned(completed(BadgePolicy.SHIFTS_FOR_FIRST_SHIFT))).containsExactly(FIRST_SHIFT);
    }

    @Test
    void tenShiftsOnTheTenth() {
        assertThat(policy.earned(completed(9))).doesNotContain(TEN_SHIFTS);
        assertThat(policy.earned(completed(BadgePolicy.SHIFTS_FOR_TEN_SHIFTS))).containsExactly(FIRST_SHIFT, TEN_SHIFTS);
    }

    @Test
    void fiftyShiftsOnTheFiftieth() {
        assertThat(policy.earned(completed(49))).doesNotContain(FIFTY_SHIFTS);
        assertThat(policy.earned(completed(BadgePolicy.SHIFTS_FOR_FIFTY_SHIFTS))).contains(FIFTY_SHIFTS);
    }

    @Test
    void fiveStarStreakOnTheFifthFiveStarRatingInARow() {
        assertThat(policy.earned(new Progress(0, 0, 4, 4, 20, 4, 20))).doesNotContain(FIVE_STAR_STREAK);
        assertThat(policy.earned(new Progress(0, 0, BadgePolicy.FIVE_STAR_STREAK_LENGTH, 5, 25, 5, 25)))
                .containsExactly(FIVE_STAR_STREAK);
    }

    @Test
    void reliableOnTheTwentiethShiftInARowWithoutANoShow() {
        assertThat(policy.earned(new Progress(25, 19, 0, 0, 0, 0, 0))).doesNotContain(RELIABLE);
        assertThat(policy.earned(new Progress(25, BadgePolicy.RELIABLE_RUN_LENGTH, 0, 0, 0, 0, 0))).contains(RELIABLE);
    }

    @Test
    void topRatedFromTwentyClientRatingsWithABayesianAverageOfFourPointEight() {
        // all 5★, yet one rating short
        assertThat(policy.earned(rated(19, 95))).doesNotContain(TOP_RATED);
        // (5 × 4.8 + 95) / 25 = 4.76
        assertThat(policy.earned(rated(BadgePolicy.TOP_RATED_MIN_RATINGS, 95))).doesNotContain(TOP_RATED);
        // (5 × 4.8 + 96) / 25 = 4.8 exactly
        assertThat(policy.earned(rated(BadgePolicy.TOP_RATED_MIN_RATINGS, 96))).contains(TOP_RATED);
    }

    @Test
    void topRatedIsPulledTowardsThePlatformMean() {
        // a plain average of 4.85, but on a platform averaging 4★: (5 × 4 + 97) / 25 = 4.68
        assertThat(policy.earned(new Progress(0, 0, 0, 20, 97, 100, 400))).doesNotContain(TOP_RATED);
    }
}
