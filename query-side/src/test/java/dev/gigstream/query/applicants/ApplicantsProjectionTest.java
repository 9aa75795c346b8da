package dev.gigstream.query.applicants;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.job.ApplicationEligibility;
import dev.gigstream.messages.job.ApplicationWithdrawn;
import dev.gigstream.messages.job.EligibilityReason;
import dev.gigstream.messages.job.FindApplicationEligibility;
import dev.gigstream.messages.job.FindRankedApplicants;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobSite;
import dev.gigstream.messages.job.RankedApplicants;
import dev.gigstream.messages.job.WorkerApplied;
import dev.gigstream.query.rating.BayesianAverage;
import dev.gigstream.query.testsupport.MongoBackend;
import dev.gigstream.query.worker.WorkerProfileProjection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.gigstream.query.testsupport.Geo.LAGOS_ISLAND;
import static dev.gigstream.query.testsupport.Geo.pointAt;
import static dev.gigstream.query.worker.Workers.register;
import static dev.gigstream.query.worker.Workers.registerWithoutProfile;
import static dev.gigstream.query.worker.Workers.suspend;
import static dev.gigstream.query.worker.Workers.verifyPhone;
import static org.assertj.core.api.Assertions.assertThat;

class ApplicantsProjectionTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final String JOB = "job-1";

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void eligibleApplicantsAreRankedAndEveryRowSaysWhy(MongoBackend backend) {
        var db = backend.freshDatabase();
        var profiles = new WorkerProfileProjection(db, new BayesianAverage(5));
        var applicants = new ApplicantsProjection(db, profiles);
        register(profiles, "seen-recently", pointAt(LAGOS_ISLAND, 0, 5), List.of("barista", "cook"), T0.plusSeconds(600));
        register(profiles, "seen-long-ago", pointAt(LAGOS_ISLAND, 90, 20), List.of("barista"), T0);
        register(profiles, "too-far", pointAt(LAGOS_ISLAND, 0, 50.1), List.of("barista"), T0.plusSeconds(900));
        register(profiles, "no-barista", pointAt(LAGOS_ISLAND, 0, 1), List.of("cook"), T0.plusSeconds(900));
        register(profiles, "suspended", pointAt(LAGOS_ISLAND, 0, 1), List.of("barista"), T0.plusSeconds(900));
        suspend(profiles, "suspended");
        var shiftStart = T0.plus(Duration.ofDays(1));
        applicants.on(new JobPosted(JobId.of(JOB), "client-1", "Barista", "", List.of("barista"), new JobSite(LAGOS_ISLAND, "Marina"),
                new ShiftWindow(shiftStart, shiftStart.plus(Duration.ofHours(8))), Money.of(1_200_000, Currency.NGN), T0), 0);
        long sequence = 1;
        for (String worker : List.of("seen-long-ago", "too-far", "no-barista", "seen-recently", "suspended", "withdrew")) {
            applicants.on(new WorkerApplied(JobId.of(JOB), WorkerId.of(worker), null, T0), sequence++);
        }
        applicants.on(new ApplicationWithdrawn(JobId.of(JOB), WorkerId.of("withdrew")), sequence);

        RankedApplicants ranked = applicants.handle(new FindRankedApplicants(JOB)).orElseThrow();

        assertThat(ranked.clientId()).isEqualTo("client-1");
        assertThat(ranked.items()).extracting(RankedApplicants.Applicant::workerId)
                .containsExactly("seen-recently", "seen-long-ago");
        var first = ranked.items().get(0);
        assertThat(first.rank()).isEqualTo(1);
        assertThat(first.distanceKm()).isEqualTo(5.0);
        assertThat(first.matchedSkills()).containsExactly("barista");
        assertThat(first.lastOnlineAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(first.ratingAverage()).isNull();
        assertThat(first.premium()).isFalse();
        assertThat(ranked.items().get(1).rank()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aVerifiedPhoneIsShownAndRanksAWorkerFirstAmongEquals(MongoBackend backend) {
        var db = backend.freshDatabase();
        var profiles = new WorkerProfileProjection(db, new BayesianAverage(5));
        var applicants = new ApplicantsProjection(db, profiles);
        register(profiles, "unverified", pointAt(LAGOS_ISLAND, 0, 5), List.of("barista"), T0.plusSeconds(600));
        register(profiles, "verified", pointAt(LAGOS_ISLAND, 0, 5), List.of("barista"), T0);
        verifyPhone(profiles, "verified");
        var shiftStart = T0.plus(Duration.ofDays(1));
        applicants.on(new JobPosted(JobId.of(JOB), "client-1", "Barista", "", List.of("barista"), new JobSite(LAGOS_ISLAND, "Marina"),
                new ShiftWindow(shiftStart, shiftStart.plus(Duration.ofHours(8))), Money.of(1_200_000, Currency.NGN), T0), 0);
        applicants.on(new WorkerApplied(JobId.of(JOB), WorkerId.of("unverified"), null, T0), 1);
        applicants.on(new WorkerApplied(JobId.of(JOB), WorkerId.of("verified"), null, T0), 2);

        RankedApplicants ranked = applicants.handle(new FindRankedApplicants(JOB)).orElseThrow();

        assertThat(ranked.items()).extracting(RankedApplicants.Applicant::workerId)
                .as("before the one seen online more recently").containsExactly("verified", "unverified");
        assertThat(ranked.items()).extracting(RankedApplicants.Applicant::phoneVerified).containsExactly(true, false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void anUnknownJobHasNoApplicantList(MongoBackend backend) {
        var db = backend.freshDatabase();
        var applicants = new ApplicantsProjection(db, new WorkerProfileProjection(db, new BayesianAverage(5)));
        assertThat(applicants.handle(new FindRankedApplicants("nope"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void oneWorkerIsJudgedByTheRankingsRuleWithTheProfileVersionItWasJudgedOn(MongoBackend backend) {
        var db = backend.freshDatabase();
        var profiles = new WorkerProfileProjection(db, new BayesianAverage(5));
        var applicants = new ApplicantsProjection(db, profiles);
        var shiftStart = T0.plus(Duration.ofDays(1));
        applicants.on(new JobPosted(JobId.of(JOB), "client-1", "Barista", "", List.of("barista"), new JobSite(LAGOS_ISLAND, "Marina"),
                new ShiftWindow(shiftStart, shiftStart.plus(Duration.ofHours(8))), Money.of(1_200_000, Currency.NGN), T0), 0);
        register(profiles, "fits", pointAt(LAGOS_ISLAND, 0, 5), List.of("barista"), null);
        register(profiles, "far-cook", pointAt(LAGOS_ISLAND, 0, 72.04), List.of("cook"), T0);
        registerWithoutProfile(profiles, "registered-only");

        ApplicationEligibility fits = applicants.handle(new FindApplicationEligibility(JOB, "fits")).orElseThrow();
        ApplicationEligibility farCook = applicants.handle(new FindApplicationEligibility(JOB, "far-cook")).orElseThrow();
        ApplicationEligibility registeredOnly = applicants.handle(new FindApplicationEligibility(JOB, "registered-only"))
                .orElseThrow();
        ApplicationEligibility unknown = applicants.handle(new FindApplicationEligibility(JOB, "nobody")).orElseThrow();

        assertThat(fits.eligible()).isTrue();
        assertThat(fits.reasons()).isEmpty();
        assertThat(fits.distanceKm()).isEqualTo(5.0);
        assertThat(fits.workerSequence()).as("registered, then the profile").isEqualTo(1);
        assertThat(farCook.eligible()).isFalse();
        assertThat(farCook.reasons()).containsExactly(EligibilityReason.MISSING_SKILLS, EligibilityReason.TOO_FAR);
        assertThat(farCook.missingSkills()).containsExactly("barista");
        assertThat(farCook.distanceKm()).as("to 0.1 km").isEqualTo(72.0);
        assertThat(farCook.workerSequence()).isEqualTo(2);
        assertThat(registeredOnly.reasons()).containsExactly(EligibilityReason.NO_PROFILE);
        assertThat(registeredOnly.workerSequence()).isZero();
        assertThat(unknown.reasons()).containsExactly(EligibilityReason.NO_PROFILE);
        assertThat(unknown.workerSequence()).isEqualTo(-1);
        assertThat(applicants.handle(new FindApplicationEligibility("no-such-job", "fits"))).isEmpty();
    }
}
