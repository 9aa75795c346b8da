package dev.gigstream.query.ranking;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.job.EligibilityReason;
import dev.gigstream.messages.worker.AvailabilityWindow;
import dev.gigstream.query.rating.BayesianAverage;
import dev.gigstream.query.worker.WorkerCandidate;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;

import static dev.gigstream.messages.job.EligibilityReason.MISSING_SKILLS;
import static dev.gigstream.messages.job.EligibilityReason.NOT_AVAILABLE;
import static dev.gigstream.messages.job.EligibilityReason.NO_PROFILE;
import static dev.gigstream.messages.job.EligibilityReason.SUSPENDED;
import static dev.gigstream.messages.job.EligibilityReason.TOO_FAR;
import static dev.gigstream.query.testsupport.Geo.LAGOS_ISLAND;
import static dev.gigstream.query.testsupport.Geo.pointAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RankingPolicyTest {

    /** Saturday 2026-12-05, 10:00 to 18:00 in Lagos (09:00 to 17:00 UTC). */
    private static final ShiftWindow SATURDAY_DAY = new ShiftWindow(Instant.parse("2026-12-05T09:00:00Z"),
            Instant.parse("2026-12-05T17:00:00Z"));
    private static final RankingPolicy.Needs BARISTA_SATURDAY = new RankingPolicy.Needs(List.of("barista"),
            LAGOS_ISLAND, SATURDAY_DAY, Currency.NGN.zone());
    private static final List<AvailabilityWindow> SATURDAYS = List.of(
            new AvailabilityWindow(DayOfWeek.SATURDAY, LocalTime.of(8, 0), LocalTime.of(20, 0)));

    private static WorkerCandidate worker(String id, GeoPoint home, boolean premium, Double rating, Instant online) {
        return new WorkerCandidate(id, "Worker " + id, List.of("barista", "cashier"), home, SATURDAYS, premium, rating,
                rating, rating == null ? 0 : 3, null, false, online, false);
    }

    /** Nearby, not premium, never seen online: only the reputation tells them apart. */
    private static WorkerCandidate reputed(String id, Double ratingAverage, Double bayesianAverage, int ratingCount,
                                           Integer reliabilityScore) {
        return new WorkerCandidate(id, "Worker " + id, List.of("barista"), pointAt(LAGOS_ISLAND, 45, 5), SATURDAYS, false,
                ratingAverage, bayesianAverage, ratingCount, reliabilityScore, false, null, false);
    }

    private static WorkerCandidate nearby(String id, boolean premium, Double rating, Instant online) {
        return worker(id, pointAt(LAGOS_ISLAND, 45, 5), premium, rating, online);
    }

    private static List<String> order(List<WorkerCandidate> candidates) {
        return RankingPolicy.rank(BARISTA_SATURDAY, candidates).stream().map(fit -> fit.candidate().workerId()).toList();
    }

    @Test
    void premiumWorkersComeFirstThenRatingThenRecentPresence() {
        Instant earlier = Instant.parse("2026-12-01T08:00:00Z");
        Instant later = Instant.parse("2026-12-01T09:00:00Z");
        var candidates = List.of(
                nearby("rated-4.9-seen-earlier", false, 4.9, earlier),
                nearby("unrated-seen-later", false, null, later),
                nearby("premium-rated-3.0", true, 3.0, earlier),
                nearby("rated-4.9-seen-later", false, 4.9, later),
                nearby("premium-unrated", true, null, later),
                nearby("rated-4.2-never-seen", false, 4.2, null));

        assertThat(order(candidates)).containsExactly("premium-rated-3.0", "premium-unrated", "rated-4.9-seen-later",
                "rated-4.9-seen-earlier", "rated-4.2-never-seen", "unrated-seen-later");
    }

    @Test
    void theBayesianAverageOutranksThePlainOne() {
        // platform: 4200 stars in 1000 ratings, a mean of 4.2; with a prior of 5 ratings at that mean:
        // one 5★:      (5 × 4.2 + 5) / (5 + 1)    = 26 / 6   ≈ 4.333
        // fifty 4.8★:  (5 × 4.2 + 240) / (5 + 50) = 261 / 55 ≈ 4.745
        var bayesian = new BayesianAverage(5);
        var one = reputed("one-five-star", 5.0, bayesian.of(1, 5, 1000, 4200), 1, null);
        var fifty = reputed("fifty-4.8", 4.8, bayesian.of(50, 240, 1000, 4200), 50, null);

        assertThat(one.bayesianAverage()).isCloseTo(26 / 6.0, within(1e-9));
        assertThat(fifty.bayesianAverage()).isCloseTo(261 / 55.0, within(1e-9));
        assertThat(order(List.of(one, fifty))).as("the plain averages (5.0 against 4.8) would say the opposite")
                .containsExactly("fifty-4.8", "one-five-star");
    }

    @Test
    void reliabilityBreaksARatingTieAndTheUnscoredComeAfterTheScored() {
        var candidates = List.of(
                reputed("4.5-unscored", 4.5, 4.5, 10, null),
                reputed("4.5-reliable-80", 4.5, 4.5, 10, 80),
                reputed("4.6-reliable-10", 4.6, 4.6, 10, 10),
                reputed("4.5-reliable-100", 4.5, 4.5, 10, 100),
                reputed("unrated-reliable-100", null, null, 0, 100),
                reputed("unrated-unscored", null, null, 0, null));

        assertThat(order(candidates)).containsExactly("4.6-reliable-10", "4.5-reliable-100", "4.5-reliable-80",
                "4.5-unscored", "unrated-reliable-100", "unrated-unscored");
    }

    @Test
    void reliabilityComesBeforeRecentPresence() {
        Instant earlier = Instant.parse("2026-12-01T08:00:00Z");
        var seenLater = new WorkerCandidate("seen-later", "L", List.of("barista"), pointAt(LAGOS_ISLAND, 45, 5), SATURDAYS,
                false, 4.5, 4.5, 10, 70, false, earlier.plusSeconds(3600), false);
        var moreReliable = new WorkerCandidate("more-reliable", "R", List.of("barista"), pointAt(LAGOS_ISLAND, 45, 5),
                SATURDAYS, false, 4.5, 4.5, 10, 95, false, earlier, false);

        assertThat(order(List.of(seenLater, moreReliable))).containsExactly("more-reliable", "seen-later");
    }

    @Test
    void aVerifiedPhoneBreaksAReliabilityTieBeforeRecentPresence() {
        Instant earlier = Instant.parse("2026-12-01T08:00:00Z");
        var unverifiedSeenLater = verified("unverified", false, 90, earlier.plusSeconds(3600));
        var verified = verified("verified", true, 90, earlier);
        var verifiedLessReliable = verified("verified-less-reliable", true, 80, earlier.plusSeconds(7200));

        assertThat(order(List.of(verifiedLessReliable, unverifiedSeenLater, verified)))
                .as("reliability first, then the verified phone, then recent presence")
                .containsExactly("verified", "unverified", "verified-less-reliable");
    }

    private static WorkerCandidate verified(String id, boolean phoneVerified, int reliabilityScore, Instant online) {
        return new WorkerCandidate(id, "Worker " + id, List.of("barista"), pointAt(LAGOS_ISLAND, 45, 5), SATURDAYS, false,
                4.5, 4.5, 10, reliabilityScore, phoneVerified, online, false);
    }

    @Test
    void aFitSaysWhyWithDistanceAndMatchedSkills() {
        var fit = RankingPolicy.assess(BARISTA_SATURDAY, worker("w", pointAt(LAGOS_ISLAND, 0, 12.5), false, null, null));

        assertThat(fit).hasValueSatisfying(f -> {
            assertThat(f.distanceKm()).isCloseTo(12.5, org.assertj.core.data.Offset.offset(0.001));
            assertThat(f.matchedSkills()).containsExactly("barista");
        });
    }

    @Test
    void workersBeyondFiftyKilometresAreNotListed() {
        for (double bearing : new double[]{0, 45, 90, 180, 270}) {
            assertThat(RankingPolicy.assess(BARISTA_SATURDAY, worker("in", pointAt(LAGOS_ISLAND, bearing, 49.9), false, null, null)))
                    .as("49.9 km at bearing %s", bearing).isPresent();
            assertThat(RankingPolicy.assess(BARISTA_SATURDAY, worker("out", pointAt(LAGOS_ISLAND, bearing, 50.1), false, null, null)))
                    .as("50.1 km at bearing %s", bearing).isEmpty();
        }
    }

    @Test
    void aWorkerMustHoldEveryRequiredSkill() {
        var needsTwo = new RankingPolicy.Needs(List.of("barista", "mixologist"), LAGOS_ISLAND, SATURDAY_DAY,
                Currency.NGN.zone());
        assertThat(RankingPolicy.assess(needsTwo, nearby("w", false, null, null))).isEmpty();
    }

    @Test
    void suspendedWorkersAndWorkersWithoutAHomeAreNotListed() {
        var suspended = new WorkerCandidate("s", "S", List.of("barista"), LAGOS_ISLAND, SATURDAYS, true, 5.0, 5.0, 9, 100,
                false, null, true);
        var homeless = new WorkerCandidate("h", "H", List.of("barista"), null, SATURDAYS, true, 5.0, 5.0, 9, 100, false, null, false);
        assertThat(RankingPolicy.rank(BARISTA_SATURDAY, List.of(suspended, homeless))).isEmpty();
    }

    @Test
    void aWorkerMustBeAvailableForTheWholeShiftInItsLocalTime() {
        var untilFive = List.of(new AvailabilityWindow(DayOfWeek.SATURDAY, LocalTime.of(8, 0), LocalTime.of(17, 0)));
        var sundays = List.of(new AvailabilityWindow(DayOfWeek.SUNDAY, LocalTime.of(0, 0), LocalTime.MAX));
        var adjoining = List.of(new AvailabilityWindow(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(13, 0)),
                new AvailabilityWindow(DayOfWeek.SATURDAY, LocalTime.of(13, 0), LocalTime.of(19, 0)));

        assertThat(ShiftCoverage.covers(SATURDAYS, SATURDAY_DAY, Currency.NGN.zone())).isTrue();
        assertThat(ShiftCoverage.covers(untilFive, SATURDAY_DAY, Currency.NGN.zone()))
                .as("the shift ends at 18:00 Lagos time").isFalse();
        assertThat(ShiftCoverage.covers(untilFive, SATURDAY_DAY, Currency.GHS.zone()))
                .as("in Accra the same instants are 09:00 to 17:00").isTrue();
        assertThat(ShiftCoverage.covers(sundays, SATURDAY_DAY, Currency.NGN.zone())).isFalse();
        assertThat(ShiftCoverage.covers(adjoining, SATURDAY_DAY, Currency.NGN.zone())).isTrue();
    }

    @Test
    void aNightShiftNeedsTheEveningAndTheNextMorning() {
        var night = new ShiftWindow(Instant.parse("2026-12-05T21:00:00Z"), Instant.parse("2026-12-06T05:00:00Z"));
        var eveningOnly = List.of(new AvailabilityWindow(DayOfWeek.SATURDAY, LocalTime.of(20, 0), LocalTime.MAX));
        var eveningAndMorning = List.of(eveningOnly.get(0),
                new AvailabilityWindow(DayOfWeek.SUNDAY, LocalTime.of(0, 0), LocalTime.of(7, 0)));

        assertThat(ShiftCoverage.covers(eveningOnly, night, Currency.NGN.zone())).isFalse();
        assertThat(ShiftCoverage.covers(eveningAndMorning, night, Currency.NGN.zone())).isTrue();
    }

    /** An unranked worker of the given facts; premium, ratings and presence play no part in who fits. */
    private static WorkerCandidate fitting(String id, GeoPoint home, List<String> skills, List<AvailabilityWindow> availability,
                                          boolean suspended) {
        return new WorkerCandidate(id, "Worker " + id, skills, home, availability, false, null, null, 0, null, false, null, suspended);
    }

    private static final GeoPoint TEN_KM_NORTH = pointAt(LAGOS_ISLAND, 0, 10);

    @Test
    void aFittingWorkerHasNoReasonAndIsJudgedAsTheRankingRanksThem() {
        var verdict = RankingPolicy.judge(BARISTA_SATURDAY, fitting("w", TEN_KM_NORTH, List.of("barista"), SATURDAYS, false));

        assertThat(verdict.fits()).isTrue();
        assertThat(verdict.reasons()).isEmpty();
        assertThat(verdict.missingSkills()).isEmpty();
        assertThat(verdict.distanceKm()).isCloseTo(10, within(0.001));
    }

    @Test
    void aWorkerTheProfilesDoNotKnowOrWithoutAHomeHasNoProfile() {
        var unknown = RankingPolicy.judge(BARISTA_SATURDAY, null);
        var homeless = RankingPolicy.judge(BARISTA_SATURDAY, fitting("h", null, List.of(), List.of(), false));

        assertThat(unknown.reasons()).containsExactly(NO_PROFILE);
        assertThat(unknown.distanceKm()).isNull();
        assertThat(homeless.reasons()).as("nothing else can be judged without a profile").containsExactly(NO_PROFILE);
        assertThat(homeless.missingSkills()).isEmpty();
        assertThat(RankingPolicy.assess(BARISTA_SATURDAY, null)).isEmpty();
    }

    @Test
    void aSuspendedWorkerIsToldSo() {
        var verdict = RankingPolicy.judge(BARISTA_SATURDAY, fitting("s", TEN_KM_NORTH, List.of("barista"), SATURDAYS, true));

        assertThat(verdict.reasons()).containsExactly(SUSPENDED);
        assertThat(RankingPolicy.rank(BARISTA_SATURDAY, List.of(fitting("s", TEN_KM_NORTH, List.of("barista"), SATURDAYS, true))))
                .isEmpty();
    }

    @Test
    void aWorkerLackingARequiredSkillIsToldWhichOnes() {
        var needsTwo = new RankingPolicy.Needs(List.of("barista", "mixologist"), LAGOS_ISLAND, SATURDAY_DAY, Currency.NGN.zone());

        var verdict = RankingPolicy.judge(needsTwo, fitting("w", TEN_KM_NORTH, List.of("barista", "cook"), SATURDAYS, false));

        assertThat(verdict.reasons()).containsExactly(MISSING_SKILLS);
        assertThat(verdict.missingSkills()).containsExactly("mixologist");
    }

    @Test
    void aWorkerPastFiftyKilometresIsTooFarWithTheDistance() {
        var verdict = RankingPolicy.judge(BARISTA_SATURDAY,
                fitting("w", pointAt(LAGOS_ISLAND, 90, 50.1), List.of("barista"), SATURDAYS, false));

        assertThat(verdict.reasons()).containsExactly(TOO_FAR);
        assertThat(verdict.distanceKm()).isCloseTo(50.1, within(0.001));
    }

    @Test
    void aWorkerWhoseWeekDoesNotCoverTheShiftIsNotAvailable() {
        var untilFive = List.of(new AvailabilityWindow(DayOfWeek.SATURDAY, LocalTime.of(8, 0), LocalTime.of(17, 0)));

        var verdict = RankingPolicy.judge(BARISTA_SATURDAY, fitting("w", TEN_KM_NORTH, List.of("barista"), untilFive, false));

        assertThat(verdict.reasons()).as("the shift ends at 18:00 Lagos time").containsExactly(NOT_AVAILABLE);
    }

    @Test
    void everyReasonIsNamedAtOnceInAFixedOrder() {
        var verdict = RankingPolicy.judge(BARISTA_SATURDAY,
                fitting("w", pointAt(LAGOS_ISLAND, 180, 80), List.of("cook"), List.of(), true));

        assertThat(verdict.reasons()).containsExactly(SUSPENDED, MISSING_SKILLS, TOO_FAR, NOT_AVAILABLE);
        assertThat(verdict.reasons()).isSortedAccordingTo(Comparator.comparing(EligibilityReason::ordinal));
        assertThat(verdict.missingSkills()).containsExactly("barista");
    }
}
