package dev.gigstream.policies.compliance;

import com.mongodb.client.MongoDatabase;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.compliance.ComplianceFlagIds;
import dev.gigstream.messages.compliance.ComplianceFlagRaised;
import dev.gigstream.messages.compliance.ComplianceRule;
import dev.gigstream.messages.compliance.RaiseComplianceFlag;
import dev.gigstream.messages.dispute.DisputeOpened;
import dev.gigstream.messages.dispute.DisputeParty;
import dev.gigstream.messages.job.JobCancelled;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobSite;
import dev.gigstream.messages.job.WorkerCheckedIn;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.messages.job.WorkerNoShow;
import dev.gigstream.messages.worker.PayoutAccount;
import dev.gigstream.messages.worker.WorkerProfileUpdated;
import dev.gigstream.query.location.LocationSignals;
import dev.gigstream.query.testsupport.MongoBackend;
import org.axonframework.eventhandling.ReplayStatus;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.gigstream.query.testsupport.Geo.LAGOS_ISLAND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The compliance rules as they follow the event stream: each finding is sent once as a
 * RaiseComplianceFlag with its events as evidence; a redelivery or a replay sends nothing again.
 */
class ComplianceRulesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Money PAY = Money.of(1_500_000, Currency.NGN);
    private static final ShiftWindow SHIFT = new ShiftWindow(T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1).plusHours(8)));
    private static final PayoutAccount SHARED = new PayoutAccount("058", "0123456789", "Ada Obi");
    private static final ReplayStatus REGULAR = ReplayStatus.REGULAR;
    private static final ReplayStatus REPLAY = ReplayStatus.REPLAY;

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    private final RecordingFlags commands = new RecordingFlags();

    /** The rules on one read-model database, wired as the application wires them with the default settings. */
    private final class Rules {

        final FlagRaiser raiser;
        final JobFacts jobs;
        final RepeatedConduct conduct;
        final ContactDetailsWatch texts;
        final SharedPayoutAccounts payouts;
        final LocationFlags location;

        Rules(MongoDatabase db) {
            raiser = new FlagRaiser(db, commands);
            jobs = new JobFacts(db);
            conduct = new RepeatedConduct(db, new RepeatedNoShowsPolicy(2, Duration.ofDays(30)),
                    new DisputesAgainstUserPolicy(3, Duration.ofDays(30)),
                    new CancellationsAfterFundingPolicy(3, Duration.ofDays(30)), jobs, raiser);
            texts = new ContactDetailsWatch(new ContactDetailsPolicy(), raiser);
            payouts = new SharedPayoutAccounts(db, new SharedPayoutAccountPolicy(2), raiser);
            location = new LocationFlags(new ImpossibleSpeedPolicy(200), new FarCheckInPolicy(1.0), jobs, raiser);
        }

        /** What the aggregate answers: the flags it raised come back as events. */
        void flagsComeBack() {
            commands.raised().forEach(flag -> raiser.on(new ComplianceFlagRaised(flag.flagId(), flag.rule(), flag.subjectId(),
                    flag.evidence(), flag.details(), flag.raisedAt())));
        }

        void reset() {
            raiser.reset();
            jobs.reset();
            conduct.reset();
            payouts.reset();
        }
    }

    private Rules rules(MongoBackend backend) {
        return new Rules(backend.freshDatabase());
    }

    private static WorkerNoShow noShow(String jobId, String workerId) {
        return new WorkerNoShow(JobId.of(jobId), WorkerId.of(workerId), EscrowId.of("escrow-" + jobId), Money.of(0, Currency.NGN));
    }

    private static JobPosted posted(String jobId, String clientId, String description) {
        return new JobPosted(JobId.of(jobId), clientId, "Barista for a launch", description, List.of("barista"),
                new JobSite(LAGOS_ISLAND, "1 Marina, Lagos"), SHIFT, PAY, T0);
    }

    private static DisputeOpened disputeAgainstWorker(String disputeId, String clientId, String workerId) {
        return new DisputeOpened(DisputeId.of(disputeId), JobId.of("job-" + disputeId), EscrowId.of("escrow-" + disputeId), clientId, WorkerId.of(workerId), clientId,
                DisputeParty.CLIENT, "work not done", "The worker left early", PAY, PAY, T0, T0.plus(Duration.ofHours(72)));
    }

    private static WorkerProfileUpdated profile(String workerId, String bio, PayoutAccount payout) {
        return new WorkerProfileUpdated(WorkerId.of(workerId), List.of("barista"), bio, LAGOS_ISLAND, List.of(), payout);
    }

    private static Instant day(int days) {
        return T0.plus(Duration.ofDays(days));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void twoNoShowsWithinThirtyDaysRaiseOneFlagWithBothEventsAsEvidence(MongoBackend backend) {
        var rules = rules(backend);
        rules.conduct.on(noShow("job-1", "worker-1"), "no-show-1", day(0), REGULAR);
        rules.conduct.on(noShow("job-9", "worker-2"), "no-show-9", day(1), REGULAR);
        assertThat(commands.sent()).as("one no-show each").isEmpty();

        rules.conduct.on(noShow("job-2", "worker-1"), "no-show-2", day(20), REGULAR);

        assertThat(commands.sent()).singleElement().satisfies(flag -> {
            assertThat(flag.flagId()).isEqualTo(ComplianceFlagIds.of(ComplianceRule.REPEATED_NO_SHOWS, "worker-1",
                    List.of("no-show-1", "no-show-2")));
            assertThat(flag.rule()).isEqualTo(ComplianceRule.REPEATED_NO_SHOWS);
            assertThat(flag.subjectId()).isEqualTo("worker-1");
            assertThat(flag.evidence()).containsExactly("no-show-1", "no-show-2");
            assertThat(flag.details()).containsEntry("count", "2").containsEntry("window", "PT720H")
                    .containsEntry("jobIds", "job-1,job-2");
            assertThat(flag.raisedAt()).isEqualTo(day(20));
        });

        rules.conduct.on(noShow("job-1", "worker-1"), "no-show-1", day(0), REGULAR);
        rules.conduct.on(noShow("job-2", "worker-1"), "no-show-2", day(20), REGULAR);
        rules.conduct.on(noShow("job-3", "worker-1"), "no-show-3", day(21), REGULAR);
        assertThat(commands.sent()).as("redelivered no-shows count once; the third is no second flag").hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void threeDisputesOpenedAgainstAUserFlagThatUserNotTheOpeners(MongoBackend backend) {
        var rules = rules(backend);
        rules.conduct.on(disputeAgainstWorker("d1", "client-1", "worker-1"), "opened-1", day(0), REGULAR);
        rules.conduct.on(disputeAgainstWorker("d2", "client-2", "worker-1"), "opened-2", day(5), REGULAR);
        assertThat(commands.sent()).isEmpty();

        rules.conduct.on(disputeAgainstWorker("d3", "client-1", "worker-1"), "opened-3", day(9), REGULAR);

        assertThat(commands.sent()).singleElement().satisfies(flag -> {
            assertThat(flag.rule()).isEqualTo(ComplianceRule.DISPUTES_AGAINST_USER);
            assertThat(flag.subjectId()).isEqualTo("worker-1");
            assertThat(flag.evidence()).containsExactly("opened-1", "opened-2", "opened-3");
            assertThat(flag.details()).containsEntry("disputeIds", "d1,d2,d3");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void threeCancellationsAfterFundingFlagTheClientAndFreeOnesDoNotCount(MongoBackend backend) {
        var rules = rules(backend);
        for (int job = 1; job <= 4; job++) {
            rules.jobs.on(posted("job-" + job, "client-1", "Espresso bar"), 0);
        }
        rules.conduct.on(new JobCancelled(JobId.of("job-1"), "client-1", "plans changed", EscrowId.of("escrow-1"), PAY), "cancelled-1", day(0), REGULAR);
        rules.conduct.on(new JobCancelled(JobId.of("job-2"), "client-1", "plans changed", null, Money.of(0, Currency.NGN)),
                "cancelled-2", day(1), REGULAR);
        rules.conduct.on(new JobCancelled(JobId.of("job-3"), "client-1", "plans changed", EscrowId.of("escrow-3"), PAY), "cancelled-3", day(2), REGULAR);
        assertThat(commands.sent()).as("the cancellation before funding was free").isEmpty();

        rules.conduct.on(new JobCancelled(JobId.of("job-4"), "client-1", "plans changed", EscrowId.of("escrow-4"), PAY), "cancelled-4", day(3), REGULAR);

        assertThat(commands.sent()).singleElement().satisfies(flag -> {
            assertThat(flag.rule()).isEqualTo(ComplianceRule.CANCELLATIONS_AFTER_FUNDING);
            assertThat(flag.subjectId()).isEqualTo("client-1");
            assertThat(flag.evidence()).containsExactly("cancelled-1", "cancelled-3", "cancelled-4");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aJobPostedWithContactDetailsFlagsItsClientOnceWithThePostingAsEvidence(MongoBackend backend) {
        var rules = rules(backend);
        var job = posted("job-1", "client-1", "Espresso bar. Call me on 0803 123 4567, pay me directly");

        rules.texts.on(job, "posted-1", T0, REGULAR);
        rules.texts.on(job, "posted-1", T0, REGULAR); // redelivered
        rules.texts.on(posted("job-2", "client-1", "Espresso bar, 8 hours, ₦15,000 on 2026-12-01 08:00"), "posted-2", T0, REGULAR);

        assertThat(commands.sent()).singleElement().satisfies(flag -> {
            assertThat(flag.rule()).isEqualTo(ComplianceRule.OFF_PLATFORM_CONTACT);
            assertThat(flag.subjectId()).isEqualTo("client-1");
            assertThat(flag.evidence()).containsExactly("posted-1");
            assertThat(flag.details()).containsEntry("jobId", "job-1").doesNotContainKey("title")
                    .containsEntry("description", "phone number …4567; \"pay me directly\"");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aBioIsFlaggedOnceHoweverOftenTheProfileIsSavedWithIt(MongoBackend backend) {
        var rules = rules(backend);
        rules.texts.on(profile("worker-1", "Barista. WhatsApp me", null), "profile-1", T0, REGULAR);
        rules.texts.on(profile("worker-1", "Barista. WhatsApp me", null), "profile-2", day(1), REGULAR);
        rules.texts.on(profile("worker-1", "Barista in Yaba", null), "profile-3", day(2), REGULAR);

        assertThat(commands.sent()).singleElement().satisfies(flag -> {
            assertThat(flag.subjectId()).isEqualTo("worker-1");
            assertThat(flag.evidence()).containsExactly("profile-1");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void workersSharingAPayoutAccountFlagTheAccountOncePerSetOfWorkers(MongoBackend backend) {
        var rules = rules(backend);
        String account = SharedPayoutAccountPolicy.accountKey(SHARED);
        rules.payouts.on(profile("worker-1", null, SHARED), 0, "w1-profile-1", T0, REGULAR);
        rules.payouts.on(profile("worker-1", null, SHARED), 1, "w1-profile-2", T0, REGULAR);
        assertThat(commands.sent()).as("one worker does not share").isEmpty();

        rules.payouts.on(profile("worker-2", null, new PayoutAccount("058", "0123456789", "Ada O.")), 0, "w2-profile-1",
                day(1), REGULAR);
        assertThat(commands.sent()).singleElement().satisfies(flag -> {
            assertThat(flag.rule()).isEqualTo(ComplianceRule.SHARED_PAYOUT_ACCOUNT);
            assertThat(flag.subjectId()).isEqualTo(account);
            assertThat(flag.evidence()).as("the events that gave each worker the account")
                    .containsExactly("w1-profile-1", "w2-profile-1");
            assertThat(flag.details()).containsEntry("bankCode", "058").containsEntry("accountEnding", "6789")
                    .containsEntry("workerIds", "worker-1,worker-2");
            assertThat(flag.details().values()).noneMatch(value -> value.contains("0123456789"));
        });

        rules.payouts.on(profile("worker-2", "new bio", SHARED), 1, "w2-profile-2", day(2), REGULAR);
        rules.payouts.on(profile("worker-2", null, SHARED), 1, "w2-profile-2", day(2), REGULAR); // redelivered
        assertThat(commands.sent()).as("the same two workers").hasSize(1);

        rules.payouts.on(profile("worker-2", null, new PayoutAccount("044", "0987654321", "Bola")), 2, "w2-profile-3",
                day(3), REGULAR);
        rules.payouts.on(profile("worker-3", null, SHARED), 0, "w3-profile-1", day(4), REGULAR);
        assertThat(commands.sent()).hasSize(2).last().satisfies(flag -> {
            assertThat(flag.evidence()).as("worker-2 moved to another account").containsExactly("w1-profile-1", "w3-profile-1");
            assertThat(flag.details()).containsEntry("workerIds", "worker-1,worker-3");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void locationSignalsBecomeFlagsWithTheJobsHireAndCheckInAsEvidence(MongoBackend backend) {
        var rules = rules(backend);
        rules.jobs.on(posted("job-1", "client-1", "Espresso bar"), 0);
        rules.jobs.on(new WorkerHired(JobId.of("job-1"), WorkerId.of("worker-1"), "client-1", PAY, EscrowId.of("escrow-1"), SHIFT.start()), 2, "hired-1");
        rules.jobs.on(new WorkerCheckedIn(JobId.of("job-1"), WorkerId.of("worker-1"), LAGOS_ISLAND, 20, SHIFT.start(), SHIFT), 4, "checked-in-1");
        var farCheckIn = new LocationSignals.Recorded("CHECK_IN_FAR_FROM_PINGS:job-1:worker-1",
                new LocationSignals.Signal(LocationSignals.Type.CHECK_IN_FAR_FROM_PINGS, "worker-1", "job-1",
                        new Document("distanceKm", 3.2).append("thresholdKm", 1.0), SHIFT.start()), List.of("checked-in-1"));

        rules.location.recorded(farCheckIn);
        rules.location.recorded(farCheckIn); // the check-in redelivered

        assertThat(commands.sent()).singleElement().satisfies(flag -> {
            assertThat(flag.rule()).isEqualTo(ComplianceRule.FAR_CHECK_IN);
            assertThat(flag.subjectId()).isEqualTo("worker-1");
            assertThat(flag.evidence()).containsExactly("checked-in-1", "hired-1");
            assertThat(flag.details()).containsEntry("jobId", "job-1").containsEntry("distanceKm", "3.2")
                    .containsEntry("signalId", "CHECK_IN_FAR_FROM_PINGS:job-1:worker-1");
            assertThat(flag.raisedAt()).isEqualTo(SHIFT.start());
        });

        rules.location.recorded(speed("IMPLAUSIBLE_SPEED:worker-1:1", 180.0));
        assertThat(commands.sent()).as("below 200 km/h").hasSize(1);
        rules.location.recorded(speed("IMPLAUSIBLE_SPEED:worker-1:2", 896.4));
        assertThat(commands.sent()).hasSize(2).last().satisfies(flag -> {
            assertThat(flag.rule()).isEqualTo(ComplianceRule.IMPOSSIBLE_SPEED);
            assertThat(flag.evidence()).containsExactly("hired-1", "checked-in-1");
            assertThat(flag.details()).containsEntry("leastSpeedKmh", "896.4");
        });

        commands.failWith(new IllegalStateException("command bus down"));
        assertThatCode(() -> rules.location.recorded(speed("IMPLAUSIBLE_SPEED:worker-1:3", 500.0)))
                .as("a ping is answered whatever becomes of its flag").doesNotThrowAnyException();
        assertThatThrownBy(() -> rules.location.recorded(new LocationSignals.Recorded("CHECK_IN_FAR_FROM_PINGS:job-2:worker-1",
                farCheckIn.signal(), List.of("checked-in-2"))))
                .as("a check-in fails, to be delivered again").isInstanceOf(IllegalStateException.class);
    }

    private static LocationSignals.Recorded speed(String signalId, double kmh) {
        return new LocationSignals.Recorded(signalId, new LocationSignals.Signal(LocationSignals.Type.IMPLAUSIBLE_SPEED,
                "worker-1", "job-1", new Document("leastSpeedKmh", kmh).append("distanceKm", 5.0), SHIFT.start().plusSeconds(600)),
                List.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aReplayRebuildsTheRulesWithoutSendingAnythingAndNothingIsSentTwiceAfterIt(MongoBackend backend) {
        var rules = rules(backend);
        var contact = posted("job-1", "client-1", "cash only");
        rules.texts.on(contact, "posted-1", T0, REGULAR);
        rules.conduct.on(noShow("job-1", "worker-1"), "no-show-1", day(0), REGULAR);
        rules.conduct.on(noShow("job-2", "worker-1"), "no-show-2", day(1), REGULAR);
        rules.conduct.on(noShow("job-3", "worker-1"), "no-show-3", day(2), REGULAR);
        rules.flagsComeBack();
        assertThat(commands.sent()).hasSize(2);

        rules.reset();
        rules.texts.on(contact, "posted-1", T0, REPLAY);
        rules.conduct.on(noShow("job-1", "worker-1"), "no-show-1", day(0), REPLAY);
        rules.conduct.on(noShow("job-2", "worker-1"), "no-show-2", day(1), REPLAY);
        rules.conduct.on(noShow("job-3", "worker-1"), "no-show-3", day(2), REPLAY);
        rules.flagsComeBack();
        assertThat(commands.sent()).as("nothing is sent while replaying").hasSize(2);

        rules.texts.on(contact, "posted-1", T0, REGULAR); // delivered again after the replay
        rules.conduct.on(noShow("job-4", "worker-1"), "no-show-4", day(3), REGULAR);
        assertThat(commands.sent()).as("the replay rebuilt what was raised and what still counts").hasSize(3)
                .last().satisfies(flag -> assertThat(flag.evidence()).containsExactly("no-show-3", "no-show-4"));
        assertThat(commands.raised()).extracting(RaiseComplianceFlag::flagId).doesNotHaveDuplicates().hasSize(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aFlagThatCouldNotBeRaisedIsRaisedWhenItsEventComesAgain(MongoBackend backend) {
        var rules = rules(backend);
        rules.conduct.on(noShow("job-1", "worker-1"), "no-show-1", day(0), REGULAR);
        commands.failWith(new IllegalStateException("command bus down"));
        assertThatThrownBy(() -> rules.conduct.on(noShow("job-2", "worker-1"), "no-show-2", day(1), REGULAR))
                .isInstanceOf(IllegalStateException.class);

        commands.failWith(null);
        rules.conduct.on(noShow("job-2", "worker-1"), "no-show-2", day(1), REGULAR);

        assertThat(commands.sent()).singleElement()
                .satisfies(flag -> assertThat(flag.evidence()).containsExactly("no-show-1", "no-show-2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void detailsAreStrings(MongoBackend backend) {
        var rules = rules(backend);
        rules.texts.on(posted("job-1", "client-1", "write to me at ada@example.com"), "posted-1", T0, REGULAR);
        assertThat(commands.sent()).singleElement().extracting(RaiseComplianceFlag::details)
                .isEqualTo(Map.of("jobId", "job-1", "description", "e-mail address …@example.com"));
    }
}
