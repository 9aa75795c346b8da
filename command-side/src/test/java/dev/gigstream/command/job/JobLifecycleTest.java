package dev.gigstream.command.job;

import dev.gigstream.command.SpawnedAggregates;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.job.CancelJob;
import dev.gigstream.messages.job.CheckIn;
import dev.gigstream.messages.job.CheckOut;
import dev.gigstream.messages.job.CheckOutAutomatically;
import dev.gigstream.messages.job.CompleteJob;
import dev.gigstream.messages.job.ConfirmShift;
import dev.gigstream.messages.job.HireLapsed;
import dev.gigstream.messages.job.JobCancelled;
import dev.gigstream.messages.job.JobCompleted;
import dev.gigstream.messages.job.JobDisputeWithdrawn;
import dev.gigstream.messages.job.JobDisputed;
import dev.gigstream.messages.job.JobErrorCode;
import dev.gigstream.messages.job.JobFunded;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.LapseHire;
import dev.gigstream.messages.job.MarkJobFunded;
import dev.gigstream.messages.job.ReportNoShow;
import dev.gigstream.messages.job.ShiftConfirmed;
import dev.gigstream.messages.job.WorkerCheckedIn;
import dev.gigstream.messages.job.WorkerCheckedOut;
import dev.gigstream.messages.job.WorkerNoShow;
import dev.gigstream.messages.rating.JobRatingsIds;
import dev.gigstream.messages.rating.JobRatingsOpened;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static dev.gigstream.command.RefusalMatcher.refusedWith;
import static dev.gigstream.command.job.JobMother.CLIENT_ID;
import static dev.gigstream.command.job.JobMother.DISPUTE_ID;
import static dev.gigstream.command.job.JobMother.ESCROW_ID;
import static dev.gigstream.command.job.JobMother.JOB_ID;
import static dev.gigstream.command.job.JobMother.LEAD_TIME;
import static dev.gigstream.command.job.JobMother.LEKKI;
import static dev.gigstream.command.job.JobMother.NO_MONEY;
import static dev.gigstream.command.job.JobMother.OTHER_CLIENT_ID;
import static dev.gigstream.command.job.JobMother.OTHER_WORKER_ID;
import static dev.gigstream.command.job.JobMother.WORKER_ID;
import static dev.gigstream.command.job.JobMother.applied;
import static dev.gigstream.command.job.JobMother.fundedFor;
import static dev.gigstream.command.job.JobMother.hired;
import static dev.gigstream.command.job.JobMother.posted;
import static org.assertj.core.api.Assertions.assertThat;

/** The job from hire to completion: funding, attendance, confirmation, no-shows and cancellation after funding. */
class JobLifecycleTest {

    private static final String RATINGS_ID = JobRatingsIds.of(JOB_ID);

    private AggregateTestFixture<Job> fixture;
    private SpawnedAggregates spawned;
    private Instant posted;
    private Instant start;
    private final GeoPoint atTheSite = LEKKI.point();
    private final GeoPoint twoHundredMetresAway = new GeoPoint(LEKKI.point().lat() + 0.0018, LEKKI.point().lng());
    private final GeoPoint halfAKilometreAway = new GeoPoint(LEKKI.point().lat() + 0.0045, LEKKI.point().lng());
    /** The escrows the command-side lookup shows funded (the lifecycle may not have told the job yet). */
    private final Set<String> fundedEscrows = new HashSet<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Job.class);
        spawned = new SpawnedAggregates();
        fixture.registerRepositoryProvider(spawned);
        fixture.registerInjectableResource(new CancellationPolicy(CancellationPolicy.DEFAULT_LATE_SHARE_BASIS_POINTS));
        fixture.registerInjectableResource((WorkerStandings) id -> null);
        fixture.registerInjectableResource((ClientStandings) id -> false);
        fixture.registerInjectableResource((EscrowFunding) escrowId -> fundedEscrows.contains(escrowId.value()));
        posted = fixture.currentTime();
        start = posted.plus(LEAD_TIME);
    }

    private Object[] funded() {
        return new Object[]{posted(posted), applied(WORKER_ID, posted), hired(WORKER_ID, posted), fundedFor(WORKER_ID)};
    }

    private Object[] checkedIn() {
        return new Object[]{posted(posted), applied(WORKER_ID, posted), hired(WORKER_ID, posted), fundedFor(WORKER_ID),
                new WorkerCheckedIn(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), atTheSite, 0, start, new ShiftWindow(start, end()))};
    }

    private Object[] checkedOut() {
        return new Object[]{posted(posted), applied(WORKER_ID, posted), hired(WORKER_ID, posted), fundedFor(WORKER_ID),
                new WorkerCheckedIn(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), atTheSite, 0, start, new ShiftWindow(start, end())),
                new WorkerCheckedOut(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), atTheSite, 0, end(), false)};
    }

    private Instant end() {
        return start.plus(Duration.ofHours(8));
    }

    private Object[] disputed(Object[] history) {
        return and(history, new JobDisputed(JobId.of(JOB_ID), DisputeId.of(DISPUTE_ID), EscrowId.of(ESCROW_ID), CLIENT_ID));
    }

    private static Object[] and(Object[] history, Object next) {
        Object[] all = java.util.Arrays.copyOf(history, history.length + 1);
        all[history.length] = next;
        return all;
    }

    @Test
    void aFundedEscrowPutsTheShiftOnOnce() {
        fixture.given(posted(posted), applied(WORKER_ID, posted), hired(WORKER_ID, posted))
               .when(new MarkJobFunded(JobId.of(JOB_ID), EscrowId.of(ESCROW_ID)))
               .expectEvents(new JobFunded(JobId.of(JOB_ID), EscrowId.of(ESCROW_ID), WorkerId.of(WORKER_ID)));
        fixture.given(funded())
               .when(new MarkJobFunded(JobId.of(JOB_ID), EscrowId.of(ESCROW_ID)))
               .expectNoEvents();
    }

    @Test
    void anUnpaidHireLapsesAndTheJobIsOpenAgain() {
        fixture.given(posted(posted), applied(WORKER_ID, posted), applied(OTHER_WORKER_ID, posted), hired(WORKER_ID, posted))
               .when(new LapseHire(JobId.of(JOB_ID), "payment window expired"))
               .expectEvents(new HireLapsed(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), EscrowId.of(ESCROW_ID), "payment window expired"));
        fixture.given(funded())
               .when(new LapseHire(JobId.of(JOB_ID), "too late: it was paid"))
               .expectNoEvents();
    }

    @Test
    void theHiredWorkerChecksInAtTheSiteFromAnHourBeforeTheStart() {
        fixture.given(funded())
               .when(new CheckIn(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), twoHundredMetresAway, start.minus(Duration.ofMinutes(60))))
               .expectSuccessfulHandlerExecution()
               .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                       org.axonframework.test.matchers.Matchers.messageWithPayload(
                               org.hamcrest.Matchers.instanceOf(WorkerCheckedIn.class)),
                       org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void checkInIsRefusedAwayFromTheSiteTooEarlyOrByAnotherWorker() {
        fixture.given(funded())
               .when(new CheckIn(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), halfAKilometreAway, start))
               .expectNoEvents().expectException(refusedWith(JobErrorCode.OUTSIDE_GEOFENCE));
        fixture.given(funded())
               .when(new CheckIn(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), atTheSite, start.minus(Duration.ofMinutes(61))))
               .expectNoEvents().expectException(refusedWith(JobErrorCode.OUTSIDE_CHECK_IN_WINDOW));
        fixture.given(funded())
               .when(new CheckIn(JobId.of(JOB_ID), WorkerId.of(OTHER_WORKER_ID), atTheSite, start))
               .expectNoEvents().expectException(refusedWith(JobErrorCode.NOT_THE_HIRED_WORKER));
        fixture.given(posted(posted), applied(WORKER_ID, posted), hired(WORKER_ID, posted))
               .when(new CheckIn(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), atTheSite, start))
               .expectNoEvents().expectException(refusedWith(JobErrorCode.JOB_NOT_FUNDED));
    }

    @Test
    void aCheckInRightAfterTheEscrowWasFundedRecordsTheFundingTheLifecycleHasNotToldYet() {
        fundedEscrows.add(ESCROW_ID);
        fixture.given(posted(posted), applied(WORKER_ID, posted), hired(WORKER_ID, posted))
               .when(new CheckIn(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), atTheSite, start))
               .expectEvents(new JobFunded(JobId.of(JOB_ID), EscrowId.of(ESCROW_ID), WorkerId.of(WORKER_ID)),
                       new WorkerCheckedIn(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), atTheSite, 0, start, new ShiftWindow(start, end())));
    }

    @Test
    void aCheckInIsRefusedWhileTheEscrowOfTheHireIsNotFunded() {
        fundedEscrows.add("escrow-of-another-hire");
        fixture.given(posted(posted), applied(WORKER_ID, posted), hired(WORKER_ID, posted))
               .when(new CheckIn(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), atTheSite, start))
               .expectNoEvents().expectException(refusedWith(JobErrorCode.JOB_NOT_FUNDED));
    }

    @Test
    void aCheckInRefusedForAnotherReasonDoesNotRecordTheFundingEither() {
        fundedEscrows.add(ESCROW_ID);
        fixture.given(posted(posted), applied(WORKER_ID, posted), hired(WORKER_ID, posted))
               .when(new CheckIn(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), halfAKilometreAway, start))
               .expectNoEvents().expectException(refusedWith(JobErrorCode.OUTSIDE_GEOFENCE));
    }

    @Test
    void theLifecyclesFundingAfterACheckInRecordedItChangesNothing() {
        fixture.given(posted(posted), applied(WORKER_ID, posted), hired(WORKER_ID, posted), fundedFor(WORKER_ID),
                       new WorkerCheckedIn(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), atTheSite, 0, start, new ShiftWindow(start, end())))
               .when(new MarkJobFunded(JobId.of(JOB_ID), EscrowId.of(ESCROW_ID)))
               .expectNoEvents();
    }

    @Test
    void checkingInOrOutTwiceChangesNothing() {
        fixture.given(checkedIn())
               .when(new CheckIn(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), atTheSite, start))
               .expectNoEvents();
        fixture.given(checkedOut())
               .when(new CheckOut(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), atTheSite, start.plus(Duration.ofHours(8))))
               .expectNoEvents();
    }

    @Test
    void theWorkerChecksOutAfterCheckingIn() {
        Instant end = start.plus(Duration.ofHours(8));
        fixture.given(checkedIn())
               .when(new CheckOut(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), atTheSite, end))
               .expectEvents(new WorkerCheckedOut(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), atTheSite, 0, end, false));
        fixture.given(funded())
               .when(new CheckOut(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), atTheSite, end))
               .expectNoEvents().expectException(refusedWith(JobErrorCode.NOT_CHECKED_IN));
    }

    @Test
    void checkOutIsRefusedAwayFromTheSiteOrByAnotherWorker() {
        fixture.given(checkedIn())
               .when(new CheckOut(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), halfAKilometreAway, end()))
               .expectNoEvents().expectException(refusedWith(JobErrorCode.OUTSIDE_GEOFENCE));
        fixture.given(checkedIn())
               .when(new CheckOut(JobId.of(JOB_ID), WorkerId.of(OTHER_WORKER_ID), atTheSite, end()))
               .expectNoEvents().expectException(refusedWith(JobErrorCode.NOT_THE_HIRED_WORKER));
    }

    @Test
    void aWorkerWhoNeverChecksOutIsCheckedOutAutomatically() {
        Instant graceOver = end().plus(Duration.ofHours(2));
        fixture.given(checkedIn())
               .when(new CheckOutAutomatically(JobId.of(JOB_ID), graceOver))
               .expectEvents(new WorkerCheckedOut(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), null, 0, graceOver, true));
        fixture.given(checkedOut())
               .when(new CheckOutAutomatically(JobId.of(JOB_ID), graceOver))
               .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void nothingMovesOnADisputedJob() {
        fixture.given(disputed(checkedOut()))
               .when(new ConfirmShift(JobId.of(JOB_ID), CLIENT_ID, false))
               .expectNoEvents().expectException(refusedWith(JobErrorCode.JOB_DISPUTED));
        fixture.given(disputed(checkedOut()))
               .when(new ConfirmShift(JobId.of(JOB_ID), null, true))
               .expectNoEvents().expectException(refusedWith(JobErrorCode.JOB_DISPUTED));
        fixture.given(disputed(checkedIn()))
               .when(new CheckOut(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), atTheSite, end()))
               .expectNoEvents().expectException(refusedWith(JobErrorCode.JOB_DISPUTED));
        fixture.given(disputed(checkedIn()))
               .when(new CheckOutAutomatically(JobId.of(JOB_ID), end().plus(Duration.ofHours(2))))
               .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(disputed(funded()))
               .when(new CheckIn(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), atTheSite, start))
               .expectNoEvents().expectException(refusedWith(JobErrorCode.JOB_DISPUTED));
        fixture.given(disputed(funded()))
               .when(new ReportNoShow(JobId.of(JOB_ID), CLIENT_ID, start.plus(Duration.ofHours(1))))
               .expectNoEvents().expectException(refusedWith(JobErrorCode.JOB_DISPUTED));
        fixture.given(disputed(funded()))
               .when(new CancelJob(JobId.of(JOB_ID), CLIENT_ID, "changed my mind", start.minus(Duration.ofHours(1))))
               .expectNoEvents().expectException(refusedWith(JobErrorCode.JOB_CANNOT_BE_CANCELLED));
    }

    @Test
    void aWithdrawnDisputeLetsTheClientConfirmAgain() {
        fixture.given(and(disputed(checkedOut()),
                       new JobDisputeWithdrawn(JobId.of(JOB_ID), DisputeId.of(DISPUTE_ID), JobStatus.AWAITING_CONFIRMATION)))
               .when(new ConfirmShift(JobId.of(JOB_ID), CLIENT_ID, false))
               .expectEvents(new ShiftConfirmed(JobId.of(JOB_ID), EscrowId.of(ESCROW_ID), WorkerId.of(WORKER_ID), false));
    }

    @Test
    void onlyTheClientConfirmsAndOnlyOnceAfterCheckOut() {
        fixture.given(checkedOut())
               .when(new ConfirmShift(JobId.of(JOB_ID), CLIENT_ID, false))
               .expectEvents(new ShiftConfirmed(JobId.of(JOB_ID), EscrowId.of(ESCROW_ID), WorkerId.of(WORKER_ID), false));
        fixture.given(checkedOut())
               .when(new ConfirmShift(JobId.of(JOB_ID), WORKER_ID, false))
               .expectNoEvents().expectException(refusedWith(JobErrorCode.NOT_THE_JOBS_CLIENT));
        fixture.given(checkedIn())
               .when(new ConfirmShift(JobId.of(JOB_ID), CLIENT_ID, false))
               .expectNoEvents().expectException(refusedWith(JobErrorCode.NOT_CHECKED_OUT));
        fixture.given(and(checkedOut(), new ShiftConfirmed(JobId.of(JOB_ID), EscrowId.of(ESCROW_ID), WorkerId.of(WORKER_ID), false)))
               .when(new ConfirmShift(JobId.of(JOB_ID), CLIENT_ID, false))
               .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void theConfirmationWindowConfirmsAutomatically() {
        fixture.given(checkedOut())
               .when(new ConfirmShift(JobId.of(JOB_ID), null, true))
               .expectEvents(new ShiftConfirmed(JobId.of(JOB_ID), EscrowId.of(ESCROW_ID), WorkerId.of(WORKER_ID), true));
    }

    /** Completed, the job opens its ratings: its parties rate each other from its end. */
    @Test
    void aPaidOutJobIsCompleted() {
        fixture.given(checkedOut())
               .when(new CompleteJob(JobId.of(JOB_ID)))
               .expectNoEvents();
        assertThat(spawned.eventsOf(RATINGS_ID)).isEmpty();
        fixture.given(and(checkedOut(), new ShiftConfirmed(JobId.of(JOB_ID), EscrowId.of(ESCROW_ID), WorkerId.of(WORKER_ID), false)))
               .when(new CompleteJob(JobId.of(JOB_ID)))
               .expectEvents(new JobCompleted(JobId.of(JOB_ID), WorkerId.of(WORKER_ID)));
        assertThat(spawned.eventsOf(RATINGS_ID)).containsExactly(
                new JobRatingsOpened(RATINGS_ID, JobId.of(JOB_ID), CLIENT_ID, WorkerId.of(WORKER_ID), JobStatus.COMPLETED, fixture.currentTime()));
    }

    @Test
    void aNoShowIsReportedHalfAnHourIntoTheShiftWithoutACheckIn() {
        fixture.given(funded())
               .when(new ReportNoShow(JobId.of(JOB_ID), CLIENT_ID, start.plus(Duration.ofMinutes(30))))
               .expectEvents(new WorkerNoShow(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), EscrowId.of(ESCROW_ID), NO_MONEY));
        assertThat(spawned.eventsOf(RATINGS_ID)).as("the client alone rates a no-show").containsExactly(
                new JobRatingsOpened(RATINGS_ID, JobId.of(JOB_ID), CLIENT_ID, WorkerId.of(WORKER_ID), JobStatus.NO_SHOW, fixture.currentTime()));
        fixture.given(funded())
               .when(new ReportNoShow(JobId.of(JOB_ID), CLIENT_ID, start.plus(Duration.ofMinutes(29))))
               .expectNoEvents().expectException(refusedWith(JobErrorCode.NO_SHOW_TOO_EARLY));
        fixture.given(checkedIn())
               .when(new ReportNoShow(JobId.of(JOB_ID), CLIENT_ID, start.plus(Duration.ofHours(1))))
               .expectNoEvents().expectException(refusedWith(JobErrorCode.WORKER_CHECKED_IN));
        fixture.given(funded())
               .when(new ReportNoShow(JobId.of(JOB_ID), OTHER_CLIENT_ID, start.plus(Duration.ofHours(1))))
               .expectNoEvents().expectException(refusedWith(JobErrorCode.NOT_THE_JOBS_CLIENT));
    }

    @Test
    void cancellingAFundedJobADayAheadRefundsEverything() {
        fixture.given(funded())
               .when(new CancelJob(JobId.of(JOB_ID), CLIENT_ID, "plans changed", start.minus(Duration.ofHours(25))))
               .expectEvents(new JobCancelled(JobId.of(JOB_ID), CLIENT_ID, "plans changed", EscrowId.of(ESCROW_ID), NO_MONEY));
    }

    @Test
    void cancellingAFundedJobLateGivesTheWorkerHalfThePay() {
        fixture.given(funded())
               .when(new CancelJob(JobId.of(JOB_ID), CLIENT_ID, "plans changed", start.minus(Duration.ofHours(2))))
               .expectEvents(new JobCancelled(JobId.of(JOB_ID), CLIENT_ID, "plans changed", EscrowId.of(ESCROW_ID),
                       Money.of(750_000, Currency.NGN)));
        fixture.given(checkedIn())
               .when(new CancelJob(JobId.of(JOB_ID), CLIENT_ID, "too late", start))
               .expectNoEvents().expectException(refusedWith(JobErrorCode.JOB_CANNOT_BE_CANCELLED));
    }

    @Test
    void theLateShareIsRoundedHalfUp() {
        var policy = new CancellationPolicy(3_333);
        var shift = JobMother.shiftFrom(posted);
        assertThat(policy.workerShare(Money.of(1_000, Currency.NGN), shift, start).amount()).isEqualTo(333);
        assertThat(policy.workerShare(Money.of(1_000, Currency.NGN), shift, start.minus(Duration.ofHours(25))).amount())
                .isZero();
    }
}
