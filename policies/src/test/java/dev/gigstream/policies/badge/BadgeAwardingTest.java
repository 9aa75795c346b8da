package dev.gigstream.policies.badge;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.dispute.DisputeOutcome;
import dev.gigstream.messages.job.JobCompleted;
import dev.gigstream.messages.job.JobDisputeSettled;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.WorkerNoShow;
import dev.gigstream.messages.rating.RaterRole;
import dev.gigstream.messages.rating.RatingsRevealed;
import dev.gigstream.messages.worker.AwardBadge;
import dev.gigstream.messages.worker.Badge;
import dev.gigstream.messages.worker.BadgeAwarded;
import dev.gigstream.query.rating.BayesianAverage;
import dev.gigstream.query.testsupport.MongoBackend;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.gigstream.messages.worker.Badge.FIRST_SHIFT;
import static dev.gigstream.messages.worker.Badge.FIVE_STAR_STREAK;
import static dev.gigstream.messages.worker.Badge.RELIABLE;
import static dev.gigstream.messages.worker.Badge.TEN_SHIFTS;
import static dev.gigstream.messages.worker.Badge.TOP_RATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BadgeAwardingTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    private final RecordingCommands commands = new RecordingCommands();
    private int jobs;

    private BadgeAwarding awarding(MongoBackend backend) {
        return new BadgeAwarding(backend.freshDatabase(), new BayesianAverage(5), commands);
    }

    /** {@code shifts} more shifts completed by the worker, each on a job of its own. */
    private void complete(BadgeAwarding awarding, String workerId, int shifts, ReplayStatus replay) {
        for (int i = 0; i < shifts; i++) {
            jobs++;
            awarding.on(new JobCompleted(JobId.of("shift-" + jobs), WorkerId.of(workerId)), T0.plusSeconds(jobs), replay);
        }
    }

    private void complete(BadgeAwarding awarding, String workerId, int shifts) {
        complete(awarding, workerId, shifts, ReplayStatus.REGULAR);
    }

    /** {@code count} more ratings of {@code stars} revealed, each for a job of its own; returns their reveals. */
    private List<RatingsRevealed> rate(BadgeAwarding awarding, RaterRole by, String rateeId, int stars, int count) {
        List<RatingsRevealed> revealed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jobs++;
            var rating = new RatingsRevealed.Rating("rater-" + jobs, by, rateeId, stars, "", T0);
            revealed.add(new RatingsRevealed("ratings-" + jobs, JobId.of("job-" + jobs), List.of(rating), T0));
            awarding.on(revealed.get(i), T0, ReplayStatus.REGULAR);
        }
        return revealed;
    }

    private static void redeliver(BadgeAwarding awarding, List<RatingsRevealed> revealed) {
        revealed.forEach(event -> awarding.on(event, T0, ReplayStatus.REGULAR));
    }

    private List<Badge> awarded(String workerId) {
        return commands.awarded().stream().filter(award -> award.workerId().value().equals(workerId)).map(AwardBadge::badge).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void theFirstCompletedShiftIsAwardedOnceEvenWhenDeliveredTwice(MongoBackend backend) {
        var awarding = awarding(backend);
        var completed = new JobCompleted(JobId.of("job-1"), WorkerId.of("worker-1"));

        awarding.on(completed, T0, ReplayStatus.REGULAR);
        awarding.on(completed, T0, ReplayStatus.REGULAR);

        assertThat(commands.asked()).containsExactly(new AwardBadge(WorkerId.of("worker-1"), FIRST_SHIFT, T0));

        complete(awarding, "worker-1", 8);
        assertThat(awarded("worker-1")).as("the redelivery was not counted").containsExactly(FIRST_SHIFT);
        complete(awarding, "worker-1", 1);
        assertThat(awarded("worker-1")).containsExactly(FIRST_SHIFT, TEN_SHIFTS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void tenShiftsIsAwardedOnTheTenthShift(MongoBackend backend) {
        var awarding = awarding(backend);

        complete(awarding, "worker-1", 9);
        assertThat(awarded("worker-1")).containsExactly(FIRST_SHIFT);

        complete(awarding, "worker-1", 1);
        assertThat(commands.asked()).last().isEqualTo(new AwardBadge(WorkerId.of("worker-1"), TEN_SHIFTS, T0.plusSeconds(10)));
        assertThat(commands.asked()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aNoShowStartsTheReliableRunAgain(MongoBackend backend) {
        var awarding = awarding(backend);
        complete(awarding, "worker-1", 19);
        awarding.on(new WorkerNoShow(JobId.of("job-no-show"), WorkerId.of("worker-1"), EscrowId.of("escrow-no-show"), Money.of(0, Currency.NGN)));
        awarding.on(new WorkerNoShow(JobId.of("job-no-show"), WorkerId.of("worker-1"), EscrowId.of("escrow-no-show"), Money.of(0, Currency.NGN)));

        complete(awarding, "worker-1", 19);
        assertThat(awarded("worker-1")).containsExactly(FIRST_SHIFT, TEN_SHIFTS);

        complete(awarding, "worker-1", 1);
        assertThat(awarded("worker-1")).containsExactly(FIRST_SHIFT, TEN_SHIFTS, RELIABLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void fiveFiveStarRatingsFromClientsInARowMakeAStreak(MongoBackend backend) {
        var awarding = awarding(backend);
        rate(awarding, RaterRole.CLIENT, "worker-1", 5, 4);
        rate(awarding, RaterRole.CLIENT, "worker-1", 4, 1);
        redeliver(awarding, rate(awarding, RaterRole.CLIENT, "worker-1", 5, 4));
        rate(awarding, RaterRole.WORKER, "client-1", 5, 5);
        assertThat(commands.asked()).as("a 4★ broke the streak, a redelivered rating counts once, ratings of clients"
                + " make no streak of a worker").isEmpty();

        rate(awarding, RaterRole.CLIENT, "worker-1", 5, 1);

        assertThat(awarded("worker-1")).containsExactly(FIVE_STAR_STREAK);
        assertThat(commands.asked()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void topRatedWeighsTwentyClientRatingsAgainstEveryRevealedRating(MongoBackend backend) {
        var awarding = awarding(backend);
        // the platform: 20 ratings of 3★, half of them given to clients, each delivered twice
        redeliver(awarding, rate(awarding, RaterRole.CLIENT, "worker-2", 3, 10));
        redeliver(awarding, rate(awarding, RaterRole.WORKER, "client-1", 3, 10));

        rate(awarding, RaterRole.CLIENT, "worker-1", 5, 19);
        assertThat(awarded("worker-1")).containsExactly(FIVE_STAR_STREAK);

        // platform mean (60 + 100) / 40 = 4, so (5 × 4 + 100) / 25 = 4.8
        rate(awarding, RaterRole.CLIENT, "worker-1", 5, 1);
        assertThat(awarded("worker-1")).containsExactly(FIVE_STAR_STREAK, TOP_RATED);
        assertThat(awarded("worker-2")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aDisputeSettledAsCompletedCountsAsAShiftAndARefundDoesNot(MongoBackend backend) {
        var awarding = awarding(backend);

        awarding.on(new JobDisputeSettled(JobId.of("job-1"), DisputeId.of("dispute-1"), "client-1", WorkerId.of("worker-1"), DisputeOutcome.REFUND_TO_CLIENT,
                JobStatus.CANCELLED), T0, ReplayStatus.REGULAR);
        assertThat(commands.asked()).isEmpty();

        awarding.on(new JobDisputeSettled(JobId.of("job-2"), DisputeId.of("dispute-2"), "client-1", WorkerId.of("worker-1"), DisputeOutcome.SPLIT,
                JobStatus.COMPLETED), T0.plusSeconds(1), ReplayStatus.REGULAR);
        assertThat(commands.asked()).containsExactly(new AwardBadge(WorkerId.of("worker-1"), FIRST_SHIFT, T0.plusSeconds(1)));

        complete(awarding, "worker-1", 8);
        assertThat(awarded("worker-1")).as("9 shifts, the refunded one not among them").containsExactly(FIRST_SHIFT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aReplaySendsNothingAndWhatWasAwardedBeforeIsRefusedQuietlyAfterwards(MongoBackend backend) {
        var awarding = awarding(backend);
        complete(awarding, "worker-1", 1);
        assertThat(commands.awarded()).hasSize(1);

        awarding.reset();
        jobs = 0;
        complete(awarding, "worker-1", 10, ReplayStatus.REPLAY);
        assertThat(commands.asked()).as("nothing sent while replaying").hasSize(1);

        complete(awarding, "worker-1", 1);
        assertThat(commands.asked()).extracting(AwardBadge::badge).containsExactly(FIRST_SHIFT, FIRST_SHIFT, TEN_SHIFTS);
        assertThat(awarded("worker-1")).as("the worker kept the first award").containsExactly(FIRST_SHIFT, TEN_SHIFTS);

        complete(awarding, "worker-1", 1);
        assertThat(commands.asked()).as("the refused badge counts as sent").hasSize(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void awardsReplayedCountAsSent(MongoBackend backend) {
        var awarding = awarding(backend);
        complete(awarding, "worker-1", 1, ReplayStatus.REPLAY);
        awarding.on(new BadgeAwarded(WorkerId.of("worker-1"), FIRST_SHIFT, T0));

        complete(awarding, "worker-1", 1);

        assertThat(commands.asked()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void anyOtherFailurePropagatesAndTheBadgeIsSentOnRedelivery(MongoBackend backend) {
        var awarding = awarding(backend);
        var completed = new JobCompleted(JobId.of("job-1"), WorkerId.of("worker-1"));
        commands.failWith(new IllegalStateException("the command bus is down"));

        assertThatThrownBy(() -> awarding.on(completed, T0, ReplayStatus.REGULAR)).hasMessage("the command bus is down");

        commands.failWith(null);
        awarding.on(completed, T0, ReplayStatus.REGULAR);
        assertThat(awarded("worker-1")).containsExactly(FIRST_SHIFT);
        complete(awarding, "worker-1", 8);
        assertThat(awarded("worker-1")).as("the shift was counted once").containsExactly(FIRST_SHIFT);
    }
}
