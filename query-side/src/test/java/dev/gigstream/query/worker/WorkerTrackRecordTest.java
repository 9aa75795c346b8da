package dev.gigstream.query.worker;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.dispute.DisputeOutcome;
import dev.gigstream.messages.job.JobCompleted;
import dev.gigstream.messages.job.JobDisputeSettled;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.WorkerCheckedIn;
import dev.gigstream.messages.job.WorkerNoShow;
import dev.gigstream.messages.rating.JobRatingsIds;
import dev.gigstream.messages.rating.RaterRole;
import dev.gigstream.messages.rating.RatingsRevealed;
import dev.gigstream.messages.worker.Badge;
import dev.gigstream.messages.worker.BadgeAwarded;
import dev.gigstream.messages.worker.FindWorkerProfile;
import dev.gigstream.messages.worker.Reliability;
import dev.gigstream.messages.worker.WorkerProfileView;
import dev.gigstream.messages.worker.WorkerRegistered;
import dev.gigstream.query.rating.BayesianAverage;
import dev.gigstream.query.testsupport.MongoBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.gigstream.query.testsupport.Geo.LAGOS_ISLAND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What a worker's profile tells of their shifts, reliability, ratings and badges. */
class WorkerTrackRecordTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final String ADA = "ada";
    private static final String BEN = "ben";

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    private static WorkerProfileProjection registered(MongoBackend backend, String... workerIds) {
        var projection = new WorkerProfileProjection(backend.freshDatabase(), new BayesianAverage(5));
        for (String workerId : workerIds) {
            projection.on(new WorkerRegistered(WorkerId.of(workerId), "Worker " + workerId), 0);
        }
        return projection;
    }

    /** Job {@code n}'s shift: 8 hours, starting {@code n} days after T0. */
    private static ShiftWindow shift(int job) {
        Instant start = T0.plus(Duration.ofDays(job));
        return new ShiftWindow(start, start.plus(Duration.ofHours(8)));
    }

    /** The job's event 4: the worker checks in {@code late} after the shift's start. */
    private static void checkIn(WorkerProfileProjection projection, int job, String workerId, Duration late) {
        projection.on(new WorkerCheckedIn(JobId.of("job-" + job), WorkerId.of(workerId), LAGOS_ISLAND, 10, shift(job).start().plus(late),
                shift(job)), 4);
    }

    /** The job's event 7, at the end of its shift. */
    private static void complete(WorkerProfileProjection projection, int job, String workerId) {
        projection.on(new JobCompleted(JobId.of("job-" + job), WorkerId.of(workerId)), 7, shift(job).end());
    }

    /** The job's event 4, an hour into its shift. */
    private static void noShow(WorkerProfileProjection projection, int job, String workerId) {
        projection.on(new WorkerNoShow(JobId.of("job-" + job), WorkerId.of(workerId), EscrowId.of("escrow-" + job), Money.zero(Currency.NGN)), 4,
                shift(job).start().plusSeconds(3600));
    }

    /** The job's event 8, a day after its shift. */
    private static void settle(WorkerProfileProjection projection, int job, String workerId, DisputeOutcome outcome) {
        projection.on(new JobDisputeSettled(JobId.of("job-" + job), DisputeId.of("dispute-" + job), "client-1", WorkerId.of(workerId), outcome,
                outcome == DisputeOutcome.REFUND_TO_CLIENT ? JobStatus.CANCELLED : JobStatus.COMPLETED), 8,
                shift(job).end().plus(Duration.ofDays(1)));
    }

    private static RatingsRevealed revealed(int job, RatingsRevealed.Rating... ratings) {
        return new RatingsRevealed(JobRatingsIds.of("job-" + job), JobId.of("job-" + job), List.of(ratings), shift(job).end());
    }

    private static RatingsRevealed.Rating rating(String raterId, RaterRole role, String rateeId, int stars) {
        return new RatingsRevealed.Rating(raterId, role, rateeId, stars, "", T0);
    }

    private static WorkerProfileView profile(WorkerProfileProjection projection, String workerId) {
        return projection.handle(new FindWorkerProfile(workerId)).orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aFinishedShiftCountsOncePerJobHoweverOftenItsEventsArrive(MongoBackend backend) {
        var projection = registered(backend, ADA);
        for (int delivery = 0; delivery < 2; delivery++) {
            checkIn(projection, 1, ADA, Duration.ZERO);
            complete(projection, 1, ADA);
            noShow(projection, 2, ADA);
            checkIn(projection, 3, ADA, Duration.ofMinutes(5));
            settle(projection, 3, ADA, DisputeOutcome.SPLIT);
            checkIn(projection, 4, ADA, Duration.ofMinutes(30));
            settle(projection, 4, ADA, DisputeOutcome.REFUND_TO_CLIENT);
        }

        WorkerProfileView ada = profile(projection, ADA);
        assertThat(ada.completedJobs()).as("job 1, and job 3 whose dispute paid the worker").isEqualTo(2);
        assertThat(ada.noShows()).isEqualTo(1);
        // job 4 was refunded, so it is no shift of Ada's, late as she was: 100 × (1 − 1 / 3) = 66.7
        assertThat(ada.reliability()).isEqualTo(new Reliability(67, 3, 1, 0, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aCheckInMoreThanFifteenMinutesLateLowersTheReliability(MongoBackend backend) {
        var projection = registered(backend, ADA);
        List<Duration> lateness = List.of(Duration.ofMinutes(16), Duration.ofMinutes(15), Duration.ZERO, Duration.ofHours(1));
        for (int job = 0; job < lateness.size(); job++) {
            checkIn(projection, job, ADA, lateness.get(job));
            complete(projection, job, ADA);
        }

        // two late of four: 100 × (1 − 2 × 0.25 / 4) = 87.5, rounded half up
        assertThat(profile(projection, ADA).reliability()).isEqualTo(new Reliability(88, 4, 0, 2, 0));
        assertThat(projection.candidates(List.of(ADA)).get(0).reliabilityScore()).isEqualTo(88);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void theLastFiftyShiftsCountWhateverOrderTheirJobsAreProcessedIn(MongoBackend backend) {
        var projection = registered(backend, ADA);
        // the newest first, as a segment that ran ahead might deliver them; job 0, the oldest, is a no-show
        for (int job = 50; job >= 1; job--) {
            complete(projection, job, ADA);
        }
        noShow(projection, 0, ADA);

        WorkerProfileView ada = profile(projection, ADA);
        assertThat(ada.reliability()).as("the 51st oldest shift is out of the window")
                .isEqualTo(new Reliability(100, 50, 0, 0, 0));
        assertThat(ada.completedJobs()).isEqualTo(50);
        assertThat(ada.noShows()).as("all time").isEqualTo(1);

        noShow(projection, 51, ADA);
        noShow(projection, 0, ADA);

        // 100 × (1 − 1 / 50) = 98
        assertThat(profile(projection, ADA).reliability()).isEqualTo(new Reliability(98, 50, 1, 0, 0));
        assertThat(profile(projection, ADA).noShows()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void clientsRatingsMakeTheAveragesPulledTowardsEveryRevealedRating(MongoBackend backend) {
        var projection = registered(backend, ADA, BEN);
        for (int delivery = 0; delivery < 2; delivery++) {
            // job 1's ratings are revealed one at a time: the client's, then, at the deadline, Ada's of the client
            projection.on(revealed(1, rating("client-1", RaterRole.CLIENT, ADA, 5)));
            projection.on(revealed(1, rating(ADA, RaterRole.WORKER, "client-1", 2)));
            projection.on(revealed(2, rating("client-2", RaterRole.CLIENT, ADA, 4)));
            projection.on(revealed(3, rating("client-1", RaterRole.CLIENT, BEN, 3),
                    rating(BEN, RaterRole.WORKER, "client-1", 5)));
        }

        // platform: 5 + 2 + 4 + 3 + 5 = 19 stars in 5 ratings, a mean of 3.8, clients' included
        WorkerProfileView ada = profile(projection, ADA);
        assertThat(ada.ratingCount()).isEqualTo(2);
        assertThat(ada.ratingAverage()).isEqualTo((5 + 4) / 2.0);
        assertThat(ada.bayesianAverage()).isCloseTo((5 * 3.8 + 9) / (5 + 2), within(1e-9)); // 4.0
        WorkerProfileView ben = profile(projection, BEN);
        assertThat(ben.ratingCount()).isEqualTo(1);
        assertThat(ben.ratingAverage()).isEqualTo(3.0);
        assertThat(ben.bayesianAverage()).isCloseTo((5 * 3.8 + 3) / (5 + 1), within(1e-9)); // 3.667
        var candidate = projection.candidates(List.of(ADA)).get(0);
        assertThat(candidate.ratingAverage()).isEqualTo(4.5);
        assertThat(candidate.bayesianAverage()).isEqualTo(ada.bayesianAverage());
        assertThat(candidate.ratingCount()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void eachBadgeIsListedOnce(MongoBackend backend) {
        var projection = registered(backend, ADA);

        projection.on(new BadgeAwarded(WorkerId.of(ADA), Badge.FIRST_SHIFT, T0), 3);
        projection.on(new BadgeAwarded(WorkerId.of(ADA), Badge.RELIABLE, T0), 4);
        projection.on(new BadgeAwarded(WorkerId.of(ADA), Badge.FIRST_SHIFT, T0), 3);

        assertThat(profile(projection, ADA).badges()).containsExactly("FIRST_SHIFT", "RELIABLE");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void shiftsAndRatingsProcessedBeforeTheRegistrationStillCount(MongoBackend backend) {
        var projection = new WorkerProfileProjection(backend.freshDatabase(), new BayesianAverage(5));
        checkIn(projection, 1, ADA, Duration.ofMinutes(20));
        complete(projection, 1, ADA);
        projection.on(revealed(1, rating("client-1", RaterRole.CLIENT, ADA, 4)));

        assertThat(projection.handle(new FindWorkerProfile(ADA))).as("not registered yet").isEmpty();

        projection.on(new WorkerRegistered(WorkerId.of(ADA), "Ada Obi"), 0);

        WorkerProfileView ada = profile(projection, ADA);
        assertThat(ada.fullName()).isEqualTo("Ada Obi");
        assertThat(ada.completedJobs()).isEqualTo(1);
        assertThat(ada.reliability()).isEqualTo(new Reliability(75, 1, 0, 1, 0));
        assertThat(ada.ratingCount()).isEqualTo(1);
        assertThat(ada.ratingAverage()).isEqualTo(4.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aResetForgetsTheTrackRecordAndThePlatformsRatings(MongoBackend backend) {
        var projection = registered(backend, ADA);
        complete(projection, 1, ADA);
        projection.on(revealed(1, rating("client-1", RaterRole.CLIENT, ADA, 1)));

        projection.reset();
        projection.on(new WorkerRegistered(WorkerId.of(ADA), "Ada Obi"), 0);
        assertThat(profile(projection, ADA)).isEqualTo(new WorkerProfileView(ADA, "Ada Obi", List.of(), null, null, null,
                0, 0, 0, Reliability.none(), List.of(), false, null, null));

        complete(projection, 1, ADA);
        projection.on(revealed(1, rating("client-1", RaterRole.CLIENT, ADA, 5)));
        WorkerProfileView ada = profile(projection, ADA);
        assertThat(ada.completedJobs()).isEqualTo(1);
        assertThat(ada.bayesianAverage()).as("the platform's only rating is this one: (5 × 5 + 5) / 6").isEqualTo(5.0);
    }
}
