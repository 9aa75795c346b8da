package dev.gigstream.query.feed;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.dispute.DisputeOutcome;
import dev.gigstream.messages.job.FindJob;
import dev.gigstream.messages.job.FindJobFeed;
import dev.gigstream.messages.job.HireLapsed;
import dev.gigstream.messages.job.JobCancelled;
import dev.gigstream.messages.job.JobDisputeSettled;
import dev.gigstream.messages.job.JobDisputeWithdrawn;
import dev.gigstream.messages.job.JobDisputed;
import dev.gigstream.messages.job.JobFeedItem;
import dev.gigstream.messages.job.JobFeedPage;
import dev.gigstream.messages.job.JobFunded;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobSite;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.query.testsupport.MongoBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.gigstream.query.testsupport.Geo.LAGOS_ISLAND;
import static dev.gigstream.query.testsupport.Geo.pointAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The feed's filters, distance boundaries, order and paging, asked of every engine that answers it:
 * the MongoDB projection (on the in-process server and on a real mongo) and the in-memory index.
 */
class JobFeedTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final String CLIENT = "client-1";

    /** Something that takes job events and answers feed queries. */
    interface Engine {
        void on(Object event, long sequence, Instant at);

        JobFeedPage feed(FindJobFeed query);
    }

    static List<Object[]> engines() {
        List<Object[]> engines = new ArrayList<>();
        for (MongoBackend backend : MongoBackend.all()) {
            engines.add(new Object[]{"MongoDB projection on " + backend, backend});
        }
        engines.add(new Object[]{"in-memory open-job index", null});
        return engines;
    }

    private static Engine engine(MongoBackend backend) {
        if (backend == null) {
            OpenJobIndex index = new OpenJobIndex();
            index.markReady();
            return new Engine() {
                public void on(Object event, long sequence, Instant at) {
                    if (event instanceof JobPosted e) index.on(e);
                    if (event instanceof WorkerHired e) index.on(e);
                    if (event instanceof JobCancelled e) index.on(e);
                    if (event instanceof HireLapsed e) index.on(e);
                    if (event instanceof JobFunded e) index.on(e);
                }

                public JobFeedPage feed(FindJobFeed query) {
                    assertThat(index.answers(query)).isTrue();
                    return index.query(query);
                }
            };
        }
        JobFeedProjection projection = new JobFeedProjection(backend.freshDatabase(), new OpenJobIndex());
        return new Engine() {
            public void on(Object event, long sequence, Instant at) {
                if (event instanceof JobPosted e) projection.on(e, sequence);
                if (event instanceof WorkerHired e) projection.on(e, sequence, at);
                if (event instanceof JobCancelled e) projection.on(e, sequence, at);
                if (event instanceof HireLapsed e) projection.on(e, sequence, at);
                if (event instanceof JobFunded e) projection.on(e, sequence, at);
                if (event instanceof JobDisputed e) projection.on(e, sequence, at);
                if (event instanceof JobDisputeWithdrawn e) projection.on(e, sequence, at);
                if (event instanceof JobDisputeSettled e) projection.on(e, sequence, at);
            }

            public JobFeedPage feed(FindJobFeed query) {
                return projection.handle(query);
            }
        };
    }

    static JobPosted job(String id, GeoPoint where, List<String> skills, Instant shiftStart, Instant postedAt) {
        return new JobPosted(JobId.of(id), CLIENT, "Job " + id, "", skills, new JobSite(where, "Somewhere in Lagos"),
                new ShiftWindow(shiftStart, shiftStart.plus(Duration.ofHours(6))), Money.of(1_000_000, Currency.NGN), postedAt);
    }

    static FindJobFeed open(GeoPoint near, double radiusKm, int page, int size) {
        return new FindJobFeed(null, near, radiusKm, null, null, JobStatus.OPEN, null, page, size);
    }

    private static List<String> ids(JobFeedPage page) {
        return page.items().stream().map(JobFeedItem::jobId).toList();
    }

    private static Engine withJobsAroundLagos(MongoBackend backend) {
        Engine engine = engine(backend);
        Instant shift = T0.plus(Duration.ofDays(2));
        engine.on(job("north-49.9", pointAt(LAGOS_ISLAND, 0, 49.9), List.of("barista"), shift, T0.plusSeconds(1)), 0, T0);
        engine.on(job("east-49.9", pointAt(LAGOS_ISLAND, 90, 49.9), List.of("cook"), shift, T0.plusSeconds(2)), 0, T0);
        engine.on(job("diagonal-49.9", pointAt(LAGOS_ISLAND, 135, 49.9), List.of("barista"), shift, T0.plusSeconds(3)), 0, T0);
        engine.on(job("east-50.1", pointAt(LAGOS_ISLAND, 90, 50.1), List.of("barista"), shift, T0.plusSeconds(4)), 0, T0);
        engine.on(job("south-10", pointAt(LAGOS_ISLAND, 180, 10), List.of("barista", "cook"), shift.plus(Duration.ofDays(3)),
                T0.plusSeconds(5)), 0, T0);
        engine.on(job("west-30", pointAt(LAGOS_ISLAND, 270, 30), List.of("cleaner"), shift, T0.plusSeconds(6)), 0, T0);
        engine.on(job("accra", new GeoPoint(5.6037, -0.1870), List.of("barista"), shift, T0.plusSeconds(7)), 0, T0);
        return engine;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void jobsWithinFiftyKilometresComeNearestFirstWithTheirDistance(String name, MongoBackend backend) {
        Engine engine = withJobsAroundLagos(backend);

        JobFeedPage page = engine.feed(open(LAGOS_ISLAND, 50, 0, 20));

        assertThat(ids(page)).containsExactly("south-10", "west-30", "north-49.9", "east-49.9", "diagonal-49.9");
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.items().get(0).distanceKm()).isCloseTo(10.0, within(0.001));
        assertThat(page.items().get(4).distanceKm()).isCloseTo(49.9, within(0.001));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aSmallerRadiusNarrowsTheFeed(String name, MongoBackend backend) {
        Engine engine = withJobsAroundLagos(backend);

        assertThat(ids(engine.feed(open(LAGOS_ISLAND, 20, 0, 20)))).containsExactly("south-10");
        assertThat(ids(engine.feed(open(new GeoPoint(5.6037, -0.1870), 50, 0, 20)))).containsExactly("accra");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void withoutAPointTheNewestComeFirstWithoutADistance(String name, MongoBackend backend) {
        Engine engine = withJobsAroundLagos(backend);

        JobFeedPage page = engine.feed(open(null, 50, 0, 3));

        assertThat(ids(page)).containsExactly("accra", "west-30", "south-10");
        assertThat(page.total()).isEqualTo(7);
        assertThat(page.items()).allSatisfy(item -> assertThat(item.distanceKm()).isNull());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void theFeedFiltersBySkillAndShiftDates(String name, MongoBackend backend) {
        Engine engine = withJobsAroundLagos(backend);
        Instant firstShift = T0.plus(Duration.ofDays(2));

        var cooks = new FindJobFeed("cook", LAGOS_ISLAND, 50, null, null, JobStatus.OPEN, null, 0, 20);
        assertThat(ids(engine.feed(cooks))).containsExactly("south-10", "east-49.9");
        var baristasLater = new FindJobFeed("barista", null, 50, firstShift.plusSeconds(1), null, JobStatus.OPEN, null, 0, 20);
        assertThat(ids(engine.feed(baristasLater))).containsExactly("south-10");
        var baristasFirstDay = new FindJobFeed("barista", null, 50, firstShift, firstShift.plus(Duration.ofDays(1)),
                JobStatus.OPEN, null, 0, 20);
        assertThat(ids(engine.feed(baristasFirstDay))).containsExactly("accra", "east-50.1", "diagonal-49.9", "north-49.9");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void pagesTileTheResultAndKeepTheTotal(String name, MongoBackend backend) {
        Engine engine = withJobsAroundLagos(backend);

        var first = engine.feed(open(LAGOS_ISLAND, 50, 0, 2));
        var second = engine.feed(open(LAGOS_ISLAND, 50, 1, 2));
        var third = engine.feed(open(LAGOS_ISLAND, 50, 2, 2));
        var beyond = engine.feed(open(LAGOS_ISLAND, 50, 3, 2));

        assertThat(ids(first)).containsExactly("south-10", "west-30");
        assertThat(ids(second)).containsExactly("north-49.9", "east-49.9");
        assertThat(ids(third)).containsExactly("diagonal-49.9");
        assertThat(beyond.items()).isEmpty();
        assertThat(List.of(first.total(), second.total(), third.total(), beyond.total())).containsOnly(5L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void hiredAndCancelledJobsLeaveTheOpenFeed(String name, MongoBackend backend) {
        Engine engine = withJobsAroundLagos(backend);

        engine.on(new WorkerHired(JobId.of("south-10"), WorkerId.of("worker-1"), CLIENT, Money.of(1_000_000, Currency.NGN), EscrowId.of("escrow-1"), null), 1, T0.plusSeconds(60));
        engine.on(new JobCancelled(JobId.of("west-30"), CLIENT, "venue closed", null, null), 1, T0.plusSeconds(60));

        assertThat(ids(engine.feed(open(LAGOS_ISLAND, 50, 0, 20)))).containsExactly("north-49.9", "east-49.9", "diagonal-49.9");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aHireThatLapsesPutsTheJobBackInTheOpenFeed(String name, MongoBackend backend) {
        Engine engine = withJobsAroundLagos(backend);
        engine.on(new WorkerHired(JobId.of("south-10"), WorkerId.of("worker-1"), CLIENT, Money.of(1_000_000, Currency.NGN), EscrowId.of("escrow-1"), null), 1, T0);

        engine.on(new HireLapsed(JobId.of("south-10"), WorkerId.of("worker-1"), EscrowId.of("escrow-1"), "payment window expired"), 2, T0.plusSeconds(7200));

        assertThat(ids(engine.feed(open(LAGOS_ISLAND, 20, 0, 20)))).containsExactly("south-10");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aDisputedJobNeverComesBackToTheOpenFeed(String name, MongoBackend backend) {
        Engine engine = withJobsAroundLagos(backend);
        engine.on(new WorkerHired(JobId.of("south-10"), WorkerId.of("worker-1"), CLIENT, Money.of(1_000_000, Currency.NGN), EscrowId.of("escrow-1"), null), 1, T0);
        engine.on(new JobFunded(JobId.of("south-10"), EscrowId.of("escrow-1"), WorkerId.of("worker-1")), 2, T0.plusSeconds(60));

        engine.on(new JobDisputed(JobId.of("south-10"), DisputeId.of("dispute-1"), EscrowId.of("escrow-1"), CLIENT), 3, T0.plusSeconds(120));
        assertThat(ids(engine.feed(open(LAGOS_ISLAND, 20, 0, 20)))).isEmpty();
        engine.on(new JobDisputeWithdrawn(JobId.of("south-10"), DisputeId.of("dispute-1"), JobStatus.FUNDED), 4, T0.plusSeconds(180));
        assertThat(ids(engine.feed(open(LAGOS_ISLAND, 20, 0, 20)))).isEmpty();
        engine.on(new JobDisputed(JobId.of("south-10"), DisputeId.of("dispute-2"), EscrowId.of("escrow-1"), CLIENT), 5, T0.plusSeconds(240));
        engine.on(new JobDisputeSettled(JobId.of("south-10"), DisputeId.of("dispute-2"), "client-1", WorkerId.of("worker-1"), DisputeOutcome.REFUND_TO_CLIENT, JobStatus.CANCELLED),
                6, T0.plusSeconds(300));
        assertThat(ids(engine.feed(open(LAGOS_ISLAND, 20, 0, 20)))).isEmpty();
    }

    @Test
    void aClientSeesAllOwnJobsInAnyStatusAndTheirTimeline() {
        JobFeedProjection projection = new JobFeedProjection(MongoBackend.inProcess().freshDatabase(), new OpenJobIndex());
        Instant shift = T0.plus(Duration.ofDays(2));
        projection.on(job("mine-1", LAGOS_ISLAND, List.of("cook"), shift, T0), 0);
        projection.on(job("mine-2", LAGOS_ISLAND, List.of("cook"), shift, T0.plusSeconds(10)), 0);
        var someoneElses = new JobPosted(JobId.of("theirs"), "client-2", "Theirs", "", List.of("cook"),
                new JobSite(LAGOS_ISLAND, "x"), new ShiftWindow(shift, shift.plusSeconds(3600)), Money.of(1, Currency.NGN), T0);
        projection.on(someoneElses, 0);
        projection.on(new WorkerHired(JobId.of("mine-1"), WorkerId.of("worker-1"), CLIENT, Money.of(1_000_000, Currency.NGN), EscrowId.of("escrow-1"), null), 2, T0.plusSeconds(30));

        var mine = projection.handle(new FindJobFeed(null, null, 50, null, null, null, CLIENT, 0, 20));

        assertThat(ids(mine)).containsExactly("mine-2", "mine-1");
        assertThat(mine.items().get(1).status()).isEqualTo(JobStatus.HIRED);
        var details = projection.handle(new FindJob("mine-1")).orElseThrow();
        assertThat(details.hiredWorkerId()).isEqualTo("worker-1");
        assertThat(details.escrowId()).isEqualTo("escrow-1");
        assertThat(details.timeline()).extracting(change -> change.status() + "@" + change.at())
                .containsExactly("OPEN@" + T0, "HIRED@" + T0.plusSeconds(30));
        assertThat(projection.handle(new FindJob("unknown"))).isEmpty();
    }

    @Test
    void theMongoDbPathAnswersUntilTheIndexHasCaughtUp() {
        OpenJobIndex index = new OpenJobIndex();
        JobFeedProjection projection = new JobFeedProjection(MongoBackend.inProcess().freshDatabase(), index);
        projection.on(job("only-in-mongo", LAGOS_ISLAND, List.of("cook"), T0.plus(Duration.ofDays(1)), T0), 0);

        assertThat(ids(projection.handle(open(LAGOS_ISLAND, 50, 0, 20)))).containsExactly("only-in-mongo");
        index.markReady();
        assertThat(projection.handle(open(LAGOS_ISLAND, 50, 0, 20)).items()).as("now the (empty) index answers").isEmpty();
    }
}
