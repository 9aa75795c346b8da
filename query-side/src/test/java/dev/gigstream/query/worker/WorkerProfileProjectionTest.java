package dev.gigstream.query.worker;

import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.worker.AvailabilityWindow;
import dev.gigstream.messages.worker.FindWorkerProfile;
import dev.gigstream.messages.worker.PayoutAccount;
import dev.gigstream.messages.worker.PremiumEnded;
import dev.gigstream.messages.worker.PremiumExtended;
import dev.gigstream.messages.worker.PremiumStarted;
import dev.gigstream.messages.worker.Reliability;
import dev.gigstream.messages.worker.WorkerPhoneVerificationCleared;
import dev.gigstream.messages.worker.WorkerPhoneVerified;
import dev.gigstream.messages.worker.WorkerProfileUpdated;
import dev.gigstream.messages.worker.WorkerProfileView;
import dev.gigstream.messages.worker.WorkerRegistered;
import dev.gigstream.messages.worker.WorkerReinstated;
import dev.gigstream.messages.worker.WorkerSuspended;
import dev.gigstream.messages.worker.WorkerWentOnline;
import dev.gigstream.query.rating.BayesianAverage;
import dev.gigstream.query.testsupport.MongoBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerProfileProjectionTest {

    private static final String ADA = "9a7c1c1e-2f7b-4c55-9a8f-0a4b7f0e2b10";

    private static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    private static WorkerProfileUpdated profile(String... skills) {
        return new WorkerProfileUpdated(WorkerId.of(ADA), List.of(skills), "Barista in Yaba", new GeoPoint(6.5095, 3.3711),
                List.of(new AvailabilityWindow(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(18, 0))),
                new PayoutAccount("058", "0123456789", "Ada Obi"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aRegisteredWorkerHasAnEmptyUnratedProfile(MongoBackend backend) {
        var projection = new WorkerProfileProjection(backend.freshDatabase(), new BayesianAverage(5));

        projection.on(new WorkerRegistered(WorkerId.of(ADA), "Ada Obi"), 0);

        assertThat(projection.handle(new FindWorkerProfile(ADA))).contains(new WorkerProfileView(
                ADA, "Ada Obi", List.of(), null, null, null, 0, 0, 0, Reliability.none(), List.of(), false, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void theProfileShowsTheLatestSkillsAndBio(MongoBackend backend) {
        var projection = new WorkerProfileProjection(backend.freshDatabase(), new BayesianAverage(5));

        projection.on(new WorkerRegistered(WorkerId.of(ADA), "Ada Obi"), 0);
        projection.on(profile("barista"), 1);
        projection.on(profile("barista", "cashier"), 2);

        WorkerProfileView view = projection.handle(new FindWorkerProfile(ADA)).orElseThrow();
        assertThat(view.skills()).containsExactly("barista", "cashier");
        assertThat(view.bio()).isEqualTo("Barista in Yaba");
        assertThat(view.fullName()).isEqualTo("Ada Obi");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aRedeliveredOlderEventChangesNothing(MongoBackend backend) {
        var projection = new WorkerProfileProjection(backend.freshDatabase(), new BayesianAverage(5));
        projection.on(new WorkerRegistered(WorkerId.of(ADA), "Ada Obi"), 0);
        projection.on(profile("barista", "cashier"), 2);

        projection.on(profile("barista"), 1);
        projection.on(new WorkerRegistered(WorkerId.of(ADA), "Someone Else"), 0);

        WorkerProfileView view = projection.handle(new FindWorkerProfile(ADA)).orElseThrow();
        assertThat(view.skills()).containsExactly("barista", "cashier");
        assertThat(view.fullName()).isEqualTo("Ada Obi");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void presencePremiumAndSuspensionReachTheProfile(MongoBackend backend) {
        var projection = new WorkerProfileProjection(backend.freshDatabase(), new BayesianAverage(5));
        Instant online = Instant.parse("2026-12-01T08:00:00Z");
        projection.on(new WorkerRegistered(WorkerId.of(ADA), "Ada Obi"), 0);
        projection.on(profile("barista"), 1);
        projection.on(new WorkerWentOnline(WorkerId.of(ADA), online), 2);
        Instant periodEnd = Instant.parse("2026-12-31T08:00:00Z");
        projection.on(new PremiumStarted(WorkerId.of(ADA), periodEnd), 3);
        projection.on(new WorkerSuspended(WorkerId.of(ADA), "fraud", "admin-1"), 4);

        WorkerProfileView view = projection.handle(new FindWorkerProfile(ADA)).orElseThrow();
        assertThat(view.lastOnlineAt()).isEqualTo(online);
        assertThat(view.premium()).isTrue();
        assertThat(view.premiumUntil()).isEqualTo(periodEnd);
        var candidate = projection.candidates(List.of(ADA)).get(0);
        assertThat(candidate.suspended()).isTrue();
        assertThat(candidate.home()).isEqualTo(new GeoPoint(6.5095, 3.3711));
        assertThat(candidate.availability()).hasSize(1);

        projection.on(new PremiumExtended(WorkerId.of(ADA), periodEnd.plusSeconds(86_400 * 30)), 5);
        assertThat(projection.handle(new FindWorkerProfile(ADA)).orElseThrow().premiumUntil())
                .isEqualTo(periodEnd.plusSeconds(86_400 * 30));
        projection.on(new PremiumEnded(WorkerId.of(ADA), periodEnd.plusSeconds(86_400 * 30)), 6);
        projection.on(new WorkerReinstated(WorkerId.of(ADA), "cleared", "admin-1"), 7);
        assertThat(projection.handle(new FindWorkerProfile(ADA)).orElseThrow().premium()).isFalse();
        assertThat(projection.handle(new FindWorkerProfile(ADA)).orElseThrow().premiumUntil()).isNull();
        assertThat(projection.candidates(List.of(ADA)).get(0).suspended()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aVerifiedPhoneReachesTheCandidateUntilItIsClearedAndAReplayRebuildsIt(MongoBackend backend) {
        var projection = new WorkerProfileProjection(backend.freshDatabase(), new BayesianAverage(5));
        verifiedHistory(projection);
        assertThat(projection.candidate(ADA).candidate().phoneVerified()).isTrue();

        projection.on(new WorkerPhoneVerificationCleared(WorkerId.of(ADA)), 3);
        assertThat(projection.candidates(List.of(ADA)).get(0).phoneVerified()).as("the number was changed").isFalse();
        projection.on(new WorkerPhoneVerified(WorkerId.of(ADA)), 2);
        assertThat(projection.candidates(List.of(ADA)).get(0).phoneVerified()).as("an older event redelivered").isFalse();

        projection.reset();
        verifiedHistory(projection);
        assertThat(projection.candidates(List.of(ADA)).get(0).phoneVerified()).as("replayed").isTrue();
    }

    private static void verifiedHistory(WorkerProfileProjection projection) {
        projection.on(new WorkerRegistered(WorkerId.of(ADA), "Ada Obi"), 0);
        projection.on(profile("barista"), 1);
        projection.on(new WorkerPhoneVerified(WorkerId.of(ADA)), 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void anUnknownWorkerHasNoProfile(MongoBackend backend) {
        var projection = new WorkerProfileProjection(backend.freshDatabase(), new BayesianAverage(5));

        assertThat(projection.handle(new FindWorkerProfile(ADA))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aResetForgetsEveryProfileForReplay(MongoBackend backend) {
        var projection = new WorkerProfileProjection(backend.freshDatabase(), new BayesianAverage(5));
        projection.on(new WorkerRegistered(WorkerId.of(ADA), "Ada Obi"), 0);

        projection.reset();

        assertThat(projection.handle(new FindWorkerProfile(ADA))).isEmpty();
        projection.on(new WorkerRegistered(WorkerId.of(ADA), "Ada Obi"), 0);
        assertThat(projection.handle(new FindWorkerProfile(ADA))).isPresent();
    }
}
