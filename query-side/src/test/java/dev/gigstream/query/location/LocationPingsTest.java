package dev.gigstream.query.location;

import com.mongodb.client.MongoDatabase;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.query.location.LocationPings.Acceptance;
import dev.gigstream.query.testsupport.MongoBackend;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.gigstream.query.testsupport.Geo.LAGOS_ISLAND;
import static dev.gigstream.query.testsupport.Geo.pointAt;
import static org.assertj.core.api.Assertions.assertThat;

class LocationPingsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(7);

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    private static LocationPing ping(String workerId, String jobId, GeoPoint point, Instant at) {
        return new LocationPing(workerId, jobId, point, 15.0, at);
    }

    static Optional<Document> ttlIndexOn(MongoDatabase db, String collection, String field) {
        return db.getCollection(collection).listIndexes().into(new ArrayList<>()).stream()
                .filter(index -> index.get("key", Document.class).keySet().equals(java.util.Set.of(field)))
                .filter(index -> index.containsKey("expireAfterSeconds"))
                .findFirst();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void pingsExpireByATtlIndexOnTheirTimeAfterTheRetentionPeriod(MongoBackend backend) {
        var db = backend.freshDatabase();
        new LocationPings(db, RETENTION);

        for (var collection : List.of(LocationPings.PINGS, LocationPings.LATEST)) {
            assertThat(ttlIndexOn(db, collection, "at")).as(collection).hasValueSatisfying(index ->
                    assertThat(index.get("expireAfterSeconds", Number.class).longValue()).isEqualTo(RETENTION.toSeconds()));
        }
        assertThat(ttlIndexOn(db, LocationPings.TRACKERS, "lastAcceptedAt")).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aChangedRetentionChangesTheTtlIndex(MongoBackend backend) {
        var db = backend.freshDatabase();
        new LocationPings(db, RETENTION);
        new LocationPings(db, Duration.ofDays(3));

        var ttl = db.getCollection(LocationPings.PINGS).listIndexes().into(new ArrayList<>()).stream()
                .filter(index -> index.containsKey("expireAfterSeconds")).toList();
        assertThat(ttl).singleElement().satisfies(index ->
                assertThat(index.get("expireAfterSeconds", Number.class).longValue()).isEqualTo(Duration.ofDays(3).toSeconds()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aWorkerIsHeardAtMostOnceEveryTenSeconds(MongoBackend backend) {
        var pings = new LocationPings(backend.freshDatabase(), RETENTION);
        var first = ping("worker-1", "job-1", LAGOS_ISLAND, T0);

        assertThat(pings.accept(first)).isEqualTo(new Acceptance.Accepted(Optional.empty()));
        assertThat(pings.accept(ping("worker-1", "job-1", LAGOS_ISLAND, T0.plusMillis(3_500))))
                .isEqualTo(new Acceptance.TooSoon(7));
        assertThat(pings.accept(ping("worker-2", "job-2", LAGOS_ISLAND, T0.plusSeconds(1))))
                .as("each worker has a rate of their own").isInstanceOf(Acceptance.Accepted.class);
        var second = ping("worker-1", "job-1", pointAt(LAGOS_ISLAND, 0, 0.1), T0.plusSeconds(10));
        assertThat(pings.accept(second)).as("the refused ping did not count")
                .isEqualTo(new Acceptance.Accepted(Optional.of(first)));
        assertThat(pings.latest("job-1", "worker-1")).contains(second);
        assertThat(pings.latest("job-1", "worker-2")).as("only the job's worker's pings").isEmpty();
        assertThat(pings.latest("job-3", "worker-1")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void ofPingsRacingOnSeveralInstancesExactlyOneIsTaken(MongoBackend backend) throws Exception {
        var db = backend.freshDatabase();
        var instances = List.of(new LocationPings(db, RETENTION), new LocationPings(db, RETENTION));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 3; round++) {
                Instant at = T0.plusSeconds(10L * round);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Acceptance>> racing = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    var instance = instances.get(i % 2);
                    var ping = ping("worker-1", "job-1", pointAt(LAGOS_ISLAND, 0, i / 100.0), at);
                    racing.add(threads.submit(() -> {
                        start.await();
                        return instance.accept(ping);
                    }));
                }
                start.countDown();
                List<Acceptance> outcomes = new ArrayList<>();
                for (var future : racing) {
                    outcomes.add(future.get());
                }
                assertThat(outcomes).as("round %d", round).filteredOn(Acceptance.Accepted.class::isInstance).hasSize(1);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(db.getCollection(LocationPings.PINGS).countDocuments()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void deletingBeforeACutoffRemovesWhatTheTtlIndexWouldRemoveThen(MongoBackend backend) {
        var db = backend.freshDatabase();
        var pings = new LocationPings(db, RETENTION);
        pings.accept(ping("worker-old", "job-old", LAGOS_ISLAND, T0));
        pings.accept(ping("worker-1", "job-1", LAGOS_ISLAND, T0.plus(Duration.ofDays(1))));
        pings.accept(ping("worker-1", "job-1", LAGOS_ISLAND, T0.plus(Duration.ofDays(1)).plusSeconds(10)));

        assertThat(pings.deleteBatchBefore(T0, 100)).as("nothing is older than the cutoff yet").isZero();
        assertThat(pings.deleteBatchBefore(T0.plusSeconds(1), 100)).as("a ping, the job's latest and the tracker")
                .isEqualTo(3);

        assertThat(pings.latest("job-old", "worker-old")).isEmpty();
        assertThat(pings.latest("job-1", "worker-1")).isPresent();
        assertThat(db.getCollection(LocationPings.PINGS).countDocuments()).isEqualTo(2);
        assertThat(pings.accept(ping("worker-old", "job-old", LAGOS_ISLAND, T0.plus(RETENTION).plusSeconds(2))))
                .as("a purged tracker starts afresh").isEqualTo(new Acceptance.Accepted(Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void theLastPingOfAWorkerInATimeRangeIsFoundAcrossJobs(MongoBackend backend) {
        var pings = new LocationPings(backend.freshDatabase(), RETENTION);
        var early = ping("worker-1", "job-1", LAGOS_ISLAND, T0);
        var later = ping("worker-1", "job-2", pointAt(LAGOS_ISLAND, 0, 1), T0.plusSeconds(60));
        pings.accept(early);
        pings.accept(later);
        pings.accept(ping("worker-2", "job-1", LAGOS_ISLAND, T0.plusSeconds(70)));

        assertThat(pings.lastOfWorkerBetween("worker-1", T0, T0.plusSeconds(120))).contains(later);
        assertThat(pings.lastOfWorkerBetween("worker-1", T0, T0.plusSeconds(59))).contains(early);
        assertThat(pings.lastOfWorkerBetween("worker-1", T0.plusSeconds(61), T0.plusSeconds(120))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aBatchDeletesAtMostItsSizeOfEachCollection(MongoBackend backend) {
        var db = backend.freshDatabase();
        var pings = new LocationPings(db, RETENTION);
        pings.accept(ping("worker-1", "job-1", LAGOS_ISLAND, T0));
        pings.accept(ping("worker-1", "job-1", LAGOS_ISLAND, T0.plusSeconds(10)));
        pings.accept(ping("worker-2", "job-2", LAGOS_ISLAND, T0.plusSeconds(20)));
        Instant cutoff = T0.plusSeconds(60);

        assertThat(pings.deleteBatchBefore(cutoff, 1)).as("one ping, one job's latest, one tracker").isEqualTo(3);
        assertThat(pings.deleteBatchBefore(cutoff, 1)).isEqualTo(3);
        assertThat(pings.deleteBatchBefore(cutoff, 1)).as("the last ping").isEqualTo(1);
        assertThat(pings.deleteBatchBefore(cutoff, 1)).isZero();
        assertThat(db.getCollection(LocationPings.PINGS).countDocuments()).isZero();
    }
}
