package dev.gigstream.query.matching;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.job.FindJobMatches;
import dev.gigstream.messages.job.JobMatch;
import dev.gigstream.messages.job.JobOffered;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobSite;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.query.rating.BayesianAverage;
import dev.gigstream.query.testsupport.MongoBackend;
import dev.gigstream.query.testsupport.RecordingEvents;
import dev.gigstream.query.worker.WorkerProfileProjection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.gigstream.query.testsupport.Geo.LAGOS_ISLAND;
import static dev.gigstream.query.testsupport.Geo.pointAt;
import static dev.gigstream.query.worker.Workers.register;
import static org.assertj.core.api.Assertions.assertThat;

class JobMatchingProjectionTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    private static JobPosted cookJob(String jobId) {
        Instant start = T0.plus(Duration.ofDays(1));
        return new JobPosted(jobId, "client-1", "Cook", "", List.of("cook"), new JobSite(LAGOS_ISLAND, "Marina"),
                new ShiftWindow(start, start.plus(Duration.ofHours(6))), Money.of(900_000, Currency.NGN), T0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void theBestFittingWorkersNearbyGetAnOfferThatLapses(MongoBackend backend) {
        var db = backend.freshDatabase();
        var profiles = new WorkerProfileProjection(db, new BayesianAverage(5));
        var matching = new JobMatchingProjection(db, profiles, 2, Duration.ofMinutes(15));
        var offered = new RecordingEvents();
        register(profiles, "online-now", pointAt(LAGOS_ISLAND, 0, 3), List.of("cook"), T0.plusSeconds(50));
        register(profiles, "online-before", pointAt(LAGOS_ISLAND, 0, 3), List.of("cook"), T0.plusSeconds(40));
        register(profiles, "online-long-ago", pointAt(LAGOS_ISLAND, 0, 3), List.of("cook"), T0);
        register(profiles, "not-a-cook", pointAt(LAGOS_ISLAND, 0, 3), List.of("driver"), T0.plusSeconds(60));
        register(profiles, "in-accra", pointAt(LAGOS_ISLAND, 270, 400), List.of("cook"), T0.plusSeconds(60));

        matching.on(cookJob("job-1"), T0, offered);

        assertThat(matching.handle(new FindJobMatches("online-now", T0.plusSeconds(1))))
                .containsExactly(new JobMatch("job-1", "online-now", 1, T0, T0.plus(Duration.ofMinutes(15))));
        assertThat(matching.handle(new FindJobMatches("online-before", T0.plusSeconds(1))))
                .extracting(JobMatch::rank).containsExactly(2);
        for (String left : List.of("online-long-ago", "not-a-cook", "in-accra")) {
            assertThat(matching.handle(new FindJobMatches(left, T0.plusSeconds(1)))).as(left).isEmpty();
        }
        assertThat(matching.handle(new FindJobMatches("online-now", T0.plus(Duration.ofMinutes(15)))))
                .as("the offer lapses").isEmpty();
        assertThat(offered.published(JobOffered.class)).as("each offer is published for the worker's notification")
                .containsExactly(new JobOffered("job-1", "online-now", 1, T0, T0.plus(Duration.ofMinutes(15))),
                        new JobOffered("job-1", "online-before", 2, T0, T0.plus(Duration.ofMinutes(15))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void offersAreWithdrawnOnceTheJobIsTaken(MongoBackend backend) {
        var db = backend.freshDatabase();
        var profiles = new WorkerProfileProjection(db, new BayesianAverage(5));
        var matching = new JobMatchingProjection(db, profiles, 20, Duration.ofMinutes(15));
        var offered = new RecordingEvents();
        register(profiles, "cook-1", pointAt(LAGOS_ISLAND, 0, 3), List.of("cook"), T0);
        matching.on(cookJob("job-1"), T0, offered);
        matching.on(cookJob("job-2"), T0, offered);

        matching.on(new WorkerHired("job-1", "someone", "client-1", Money.of(900_000, Currency.NGN), "escrow-1", null));

        assertThat(matching.handle(new FindJobMatches("cook-1", T0))).extracting(JobMatch::jobId).containsExactly("job-2");
    }
}
