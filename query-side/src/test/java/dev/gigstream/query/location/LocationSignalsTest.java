package dev.gigstream.query.location;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.job.WorkerCheckedIn;
import dev.gigstream.query.location.LocationSignals.Type;
import dev.gigstream.query.testsupport.MongoBackend;
import org.bson.Document;
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

/** The compliance signals: an implausible speed between pings, a check-in far from the last ping. */
class LocationSignalsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final ShiftWindow SHIFT = new ShiftWindow(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(9)));

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    private static WorkerCheckedIn checkIn(String workerId, String jobId, Instant at) {
        return new WorkerCheckedIn(JobId.of(jobId), WorkerId.of(workerId), LAGOS_ISLAND, 0, at, SHIFT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void consecutivePingsImplyingMoreThanTwoHundredKilometresAnHourAreSignalled(MongoBackend backend) {
        var db = backend.freshDatabase();
        var signals = new LocationSignals(db);
        var tracking = new LocationTracking(new LocationPings(db, Duration.ofDays(7)), signals);

        tracking.record(new LocationPing("worker-1", "job-1", LAGOS_ISLAND, 10.0, T0));
        tracking.record(new LocationPing("worker-1", "job-1", pointAt(LAGOS_ISLAND, 0, 0.2), 10.0, T0.plusSeconds(10)));
        assertThat(signals.ofWorker("worker-1")).as("at least 180 m in 10 s: 65 km/h").isEmpty();
        tracking.record(new LocationPing("worker-1", "job-1", pointAt(LAGOS_ISLAND, 0, 5.2), 10.0, T0.plusSeconds(30)));

        assertThat(signals.ofWorker("worker-1")).singleElement().satisfies(signal -> {
            assertThat(signal.type()).isEqualTo(Type.IMPLAUSIBLE_SPEED);
            assertThat(signal.jobId()).isEqualTo("job-1");
            assertThat(signal.at()).isEqualTo(T0.plusSeconds(30));
            assertThat(((Number) signal.evidence().get("leastSpeedKmh")).doubleValue()).isCloseTo(896.4, within(0.01));
            assertThat(((Number) signal.evidence().get("distanceKm")).doubleValue()).isCloseTo(5.0, within(0.001));
            assertThat(((Document) signal.evidence().get("from")).getDate("at").toInstant()).isEqualTo(T0.plusSeconds(10));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aCheckInMoreThanAKilometreFromTheLastPingOfTheHalfHourBeforeIsSignalledOnce(MongoBackend backend) {
        var db = backend.freshDatabase();
        var pings = new LocationPings(db, Duration.ofDays(7));
        var heard = new ArrayList<LocationSignals.Recorded>();
        var signals = new LocationSignals(db, List.of(heard::add));
        var watch = new CheckInWatch(pings, signals);
        Instant checkInAt = T0.plus(Duration.ofMinutes(45));
        pings.accept(new LocationPing("worker-1", "job-1", LAGOS_ISLAND, null, checkInAt.minus(Duration.ofMinutes(20))));
        pings.accept(new LocationPing("worker-1", "job-1", pointAt(LAGOS_ISLAND, 90, 3), null, checkInAt.minus(Duration.ofMinutes(5))));

        watch.on(checkIn("worker-1", "job-1", checkInAt), "check-in-event-1");
        watch.on(checkIn("worker-1", "job-1", checkInAt), "check-in-event-1"); // redelivered

        assertThat(signals.ofWorker("worker-1")).singleElement().satisfies(signal -> {
            assertThat(signal.type()).isEqualTo(Type.CHECK_IN_FAR_FROM_PINGS);
            assertThat(signal.jobId()).isEqualTo("job-1");
            assertThat(signal.at()).isEqualTo(checkInAt);
            assertThat(((Number) signal.evidence().get("distanceKm")).doubleValue()).isCloseTo(3.0, within(0.001));
            assertThat(((Document) signal.evidence().get("lastPing")).getDate("at").toInstant())
                    .isEqualTo(checkInAt.minus(Duration.ofMinutes(5)));
        });
        assertThat(heard).as("the listeners hear of it each time, by the same id, with the check-in as its cause")
                .hasSize(2).extracting(LocationSignals.Recorded::signalId).containsOnly(heard.get(0).signalId());
        assertThat(heard.get(0).eventIds()).containsExactly("check-in-event-1");
        assertThat(heard.get(0).signal().type()).isEqualTo(Type.CHECK_IN_FAR_FROM_PINGS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aCheckInNearTheLastPingOrWithoutARecentPingIsNotSignalled(MongoBackend backend) {
        var db = backend.freshDatabase();
        var pings = new LocationPings(db, Duration.ofDays(7));
        var signals = new LocationSignals(db);
        var watch = new CheckInWatch(pings, signals);
        Instant checkInAt = T0.plus(Duration.ofMinutes(45));
        pings.accept(new LocationPing("near", "job-1", pointAt(LAGOS_ISLAND, 90, 5), null, checkInAt.minus(Duration.ofMinutes(10))));
        pings.accept(new LocationPing("near", "job-1", pointAt(LAGOS_ISLAND, 90, 0.9), null, checkInAt.minus(Duration.ofMinutes(1))));
        pings.accept(new LocationPing("long-ago", "job-2", pointAt(LAGOS_ISLAND, 90, 5), null,
                checkInAt.minus(Duration.ofMinutes(31))));

        watch.on(checkIn("near", "job-1", checkInAt), "check-in-event-1");
        watch.on(checkIn("long-ago", "job-2", checkInAt), "check-in-event-2");
        watch.on(checkIn("never-pinged", "job-3", checkInAt), "check-in-event-3");

        assertThat(signals.ofWorker("near")).as("the last ping counts, not an earlier one").isEmpty();
        assertThat(signals.ofWorker("long-ago")).as("no ping in the half hour before").isEmpty();
        assertThat(signals.ofWorker("never-pinged")).isEmpty();
    }
}
