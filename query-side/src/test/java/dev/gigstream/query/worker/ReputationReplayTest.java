package dev.gigstream.query.worker;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.GeoPoint;
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
import dev.gigstream.messages.rating.FindJobRatings;
import dev.gigstream.messages.rating.FindUserRatings;
import dev.gigstream.messages.rating.JobRatingsIds;
import dev.gigstream.messages.rating.JobRatingsView;
import dev.gigstream.messages.rating.RaterRole;
import dev.gigstream.messages.rating.RatingGiven;
import dev.gigstream.messages.rating.RatingsRevealed;
import dev.gigstream.messages.rating.UserRatingsView;
import dev.gigstream.messages.worker.Badge;
import dev.gigstream.messages.worker.BadgeAwarded;
import dev.gigstream.messages.worker.FindWorkerProfile;
import dev.gigstream.messages.worker.Reliability;
import dev.gigstream.messages.worker.WorkerProfileUpdated;
import dev.gigstream.messages.worker.WorkerProfileView;
import dev.gigstream.messages.worker.WorkerRegistered;
import dev.gigstream.messages.worker.WorkerWentOnline;
import dev.gigstream.query.rating.BayesianAverage;
import dev.gigstream.query.rating.RatingsProjection;
import dev.gigstream.query.testsupport.MongoBackend;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.gigstream.query.testsupport.Geo.LAGOS_ISLAND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A replay rebuilds the same reputations: the profiles and ratings read models are fed one event
 * stream live, then reset and fed it again, each aggregate's events in order but the aggregates one
 * after the other (as segments replaying at different speeds may), through Axon's own handler adapters.
 */
class ReputationReplayTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final String ADA = "ada";
    private static final String BEN = "ben";
    private static final String CHI = "client-chi";
    private static final String DAN = "client-dan";
    private static final List<String> USERS = List.of(ADA, BEN, CHI, DAN);
    private static final List<String> JOBS = List.of("job-1", "job-2", "job-3", "job-4", "job-5", "job-6", "job-7");

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    /** One event of the stream, with what Axon would hand the handlers along with it. */
    private record Stored(String aggregateId, long sequence, Instant at, Object payload) {

        GenericDomainEventMessage<Object> message() {
            return new GenericDomainEventMessage<>("Aggregate", aggregateId, sequence, payload, Map.of(),
                    aggregateId + "#" + sequence, at);
        }
    }

    /** The stream in the order it was stored: every event a minute after the one before. */
    private static final class Stream {

        private final List<Stored> events = new ArrayList<>();
        private final Map<String, Long> sequences = new HashMap<>();

        Stream add(String aggregateId, Object payload) {
            long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
            events.add(new Stored(aggregateId, sequence, T0.plus(Duration.ofMinutes(events.size())), payload));
            return this;
        }

        /** The same events, aggregate by aggregate, the aggregate seen last first. */
        List<Stored> byAggregate() {
            Map<String, List<Stored>> byAggregate = new LinkedHashMap<>();
            events.forEach(event -> byAggregate.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>()).add(event));
            List<List<Stored>> aggregates = new ArrayList<>(byAggregate.values());
            List<Stored> reordered = new ArrayList<>();
            for (int i = aggregates.size() - 1; i >= 0; i--) {
                reordered.addAll(aggregates.get(i));
            }
            return reordered;
        }
    }

    private static ShiftWindow shift(int day) {
        Instant start = T0.plus(Duration.ofDays(day));
        return new ShiftWindow(start, start.plus(Duration.ofHours(6)));
    }

    private static WorkerCheckedIn checkedIn(String jobId, String workerId, int day, long minutesLate) {
        return new WorkerCheckedIn(JobId.of(jobId), WorkerId.of(workerId), LAGOS_ISLAND, 5, shift(day).start().plus(Duration.ofMinutes(minutesLate)),
                shift(day));
    }

    private static RatingGiven given(String jobId, String raterId, RaterRole role, String rateeId, int stars) {
        return new RatingGiven(JobRatingsIds.of(jobId), JobId.of(jobId), raterId, role, rateeId, stars, "", T0);
    }

    private static RatingsRevealed revealed(RatingGiven... given) {
        return new RatingsRevealed(given[0].ratingsId(), given[0].jobId(), Arrays.stream(given)
                .map(g -> new RatingsRevealed.Rating(g.raterId(), g.raterRole(), g.rateeId(), g.stars(), g.comment(), g.at()))
                .toList(), T0);
    }

    /** Ratings are their own aggregate, one per job. */
    private static Stream rate(Stream stream, RatingGiven... given) {
        for (RatingGiven rating : given) {
            stream.add(rating.ratingsId(), rating);
        }
        return stream.add(given[0].ratingsId(), revealed(given));
    }

    private static Stream history() {
        var stream = new Stream();
        for (String worker : List.of(ADA, BEN)) {
            stream.add(worker, new WorkerRegistered(WorkerId.of(worker), "Worker " + worker))
                    .add(worker, new WorkerProfileUpdated(WorkerId.of(worker), List.of("barista"), null, new GeoPoint(6.5, 3.4),
                            Workers.EVERY_DAY, null))
                    .add(worker, new WorkerWentOnline(WorkerId.of(worker), T0));
        }
        stream.add("job-1", checkedIn("job-1", ADA, 1, 0)).add("job-1", new JobCompleted(JobId.of("job-1"), WorkerId.of(ADA)));
        rate(stream, given("job-1", CHI, RaterRole.CLIENT, ADA, 5), given("job-1", ADA, RaterRole.WORKER, CHI, 4));
        stream.add(ADA, new BadgeAwarded(WorkerId.of(ADA), Badge.FIRST_SHIFT, T0));
        stream.add("job-2", checkedIn("job-2", ADA, 2, 20)).add("job-2", new JobCompleted(JobId.of("job-2"), WorkerId.of(ADA)));
        var late = given("job-2", CHI, RaterRole.CLIENT, ADA, 3);
        stream.add(late.ratingsId(), late).add(late.ratingsId(), revealed(late));
        stream.add("job-3", new WorkerNoShow(JobId.of("job-3"), WorkerId.of(ADA), EscrowId.of("escrow-3"), Money.zero(Currency.NGN)));
        rate(stream, given("job-3", DAN, RaterRole.CLIENT, ADA, 1));
        stream.add("job-4", checkedIn("job-4", ADA, 4, 16))
                .add("job-4", new JobDisputeSettled(JobId.of("job-4"), DisputeId.of("d-4"), DAN, WorkerId.of(ADA), DisputeOutcome.SPLIT, JobStatus.COMPLETED));
        stream.add("job-5", checkedIn("job-5", ADA, 5, 40))
                .add("job-5", new JobDisputeSettled(JobId.of("job-5"), DisputeId.of("d-5"), DAN, WorkerId.of(ADA), DisputeOutcome.REFUND_TO_CLIENT,
                        JobStatus.CANCELLED));
        var hidden = given("job-4", DAN, RaterRole.CLIENT, ADA, 1);
        stream.add(hidden.ratingsId(), hidden);
        stream.add("job-6", checkedIn("job-6", BEN, 6, 0)).add("job-6", new JobCompleted(JobId.of("job-6"), WorkerId.of(BEN)));
        rate(stream, given("job-6", DAN, RaterRole.CLIENT, BEN, 4), given("job-6", BEN, RaterRole.WORKER, DAN, 2));
        stream.add(BEN, new BadgeAwarded(WorkerId.of(BEN), Badge.FIRST_SHIFT, T0));
        stream.add("job-7", new WorkerNoShow(JobId.of("job-7"), WorkerId.of(BEN), EscrowId.of("escrow-7"), Money.zero(Currency.NGN)));
        stream.add(ADA, new BadgeAwarded(WorkerId.of(ADA), Badge.TEN_SHIFTS, T0));
        return stream;
    }

    /** Everything the two read models answer about the stream's workers, clients and jobs. */
    private record Snapshot(List<WorkerProfileView> profiles, List<WorkerCandidate> candidates,
                            List<UserRatingsView> users, List<JobRatingsView> jobs) {
    }

    private static Snapshot snapshot(QueryGateway queries, WorkerProfileProjection profiles) {
        return new Snapshot(
                List.of(ADA, BEN).stream().map(worker -> queries.query(new FindWorkerProfile(worker),
                        ResponseTypes.optionalInstanceOf(WorkerProfileView.class)).join().orElseThrow()).toList(),
                List.of(ADA, BEN).stream().map(worker -> profiles.candidates(List.of(worker)).get(0)).toList(),
                USERS.stream().map(user -> queries.query(new FindUserRatings(user, 0, 10),
                        ResponseTypes.instanceOf(UserRatingsView.class)).join()).toList(),
                JOBS.stream().map(job -> queries.query(new FindJobRatings(job),
                        ResponseTypes.optionalInstanceOf(JobRatingsView.class)).join())
                        .flatMap(Optional::stream).toList());
    }

    private static void feed(List<Stored> events, List<AnnotationEventHandlerAdapter> handlers) throws Exception {
        for (Stored event : events) {
            for (AnnotationEventHandlerAdapter handler : handlers) {
                handler.handle(event.message());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aReplayAfterAResetRebuildsTheSameReputations(MongoBackend backend) throws Exception {
        var db = backend.freshDatabase();
        var bayesian = new BayesianAverage(5);
        var profiles = new WorkerProfileProjection(db, bayesian);
        var ratings = new RatingsProjection(db, bayesian);
        var queryBus = SimpleQueryBus.builder().build();
        var queries = DefaultQueryGateway.builder().queryBus(queryBus).build();
        new AnnotationQueryHandlerAdapter<>(profiles).subscribe(queryBus);
        new AnnotationQueryHandlerAdapter<>(ratings).subscribe(queryBus);
        var handlers = List.of(new AnnotationEventHandlerAdapter(profiles), new AnnotationEventHandlerAdapter(ratings));
        var history = history();

        feed(history.events, handlers);
        Snapshot live = snapshot(queries, profiles);
        handlers.forEach(AnnotationEventHandlerAdapter::prepareReset);
        assertThat(queries.query(new FindWorkerProfile(ADA), ResponseTypes.optionalInstanceOf(WorkerProfileView.class))
                .join()).as("reset").isEmpty();
        feed(history.byAggregate(), handlers);
        Snapshot replayed = snapshot(queries, profiles);

        assertThat(replayed).isEqualTo(live);
        WorkerProfileView ada = live.profiles().get(0);
        // jobs 1, 2 and 4 completed (2 and 4 checked in late), job 3 a no-show, job 5 refunded and not counted:
        // 100 × (1 − (1 + 2 × 0.25) / 4) = 62.5
        assertThat(ada.completedJobs()).isEqualTo(3);
        assertThat(ada.noShows()).isEqualTo(1);
        assertThat(ada.reliability()).isEqualTo(new Reliability(63, 4, 1, 2, 0));
        assertThat(ada.badges()).containsExactly("FIRST_SHIFT", "TEN_SHIFTS");
        // platform: 5 + 4 + 3 + 1 + 4 + 2 = 19 stars in 6 revealed ratings (job 4's is hidden); Ada's 5, 3, 1:
        assertThat(ada.ratingAverage()).isEqualTo(3.0);
        assertThat(ada.bayesianAverage()).isCloseTo((5 * 19 / 6.0 + 9) / (5 + 3), within(1e-9)); // ≈ 3.104
        assertThat(live.users().get(0).bayesianAverage()).isEqualTo(ada.bayesianAverage());
        assertThat(live.candidates().get(1).reliabilityScore()).as("Ben: 100 × (1 − 1 / 2)").isEqualTo(50);
        assertThat(live.jobs()).hasSize(5);
    }
}
