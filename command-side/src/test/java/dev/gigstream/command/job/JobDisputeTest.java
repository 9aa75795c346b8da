package dev.gigstream.command.job;

import dev.gigstream.command.SpawnedAggregates;
import dev.gigstream.command.dispute.DisputePolicy;
import dev.gigstream.command.dispute.EscrowHoldings;
import dev.gigstream.command.dispute.KnownDisputes;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.dispute.DisputeErrorCode;
import dev.gigstream.messages.dispute.DisputeOpened;
import dev.gigstream.messages.dispute.DisputeOutcome;
import dev.gigstream.messages.dispute.DisputeParty;
import dev.gigstream.messages.dispute.OpenDispute;
import dev.gigstream.messages.job.JobDisputeSettled;
import dev.gigstream.messages.job.JobDisputeWithdrawn;
import dev.gigstream.messages.job.JobDisputed;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.SettleJobDispute;
import dev.gigstream.messages.job.ShiftConfirmed;
import dev.gigstream.messages.job.WithdrawJobDispute;
import dev.gigstream.messages.job.WorkerCheckedIn;
import dev.gigstream.messages.job.WorkerCheckedOut;
import dev.gigstream.messages.rating.JobRatingsIds;
import dev.gigstream.messages.rating.JobRatingsOpened;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static dev.gigstream.command.RefusalMatcher.refusedWith;
import static dev.gigstream.command.job.JobMother.CLIENT_ID;
import static dev.gigstream.command.job.JobMother.DISPUTE_ID;
import static dev.gigstream.command.job.JobMother.ESCROW_ID;
import static dev.gigstream.command.job.JobMother.JOB_ID;
import static dev.gigstream.command.job.JobMother.LEKKI;
import static dev.gigstream.command.job.JobMother.OTHER_WORKER_ID;
import static dev.gigstream.command.job.JobMother.PAY;
import static dev.gigstream.command.job.JobMother.WORKER_ID;
import static dev.gigstream.command.job.JobMother.applied;
import static dev.gigstream.command.job.JobMother.fundedFor;
import static dev.gigstream.command.job.JobMother.hired;
import static dev.gigstream.command.job.JobMother.posted;
import static dev.gigstream.command.job.JobMother.shiftFrom;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job decides whether a dispute may open (its parties, between funding and the release, one at a
 * time) and starts the dispute; it learns of the withdrawal and the decision as commands.
 */
class JobDisputeTest {

    private static final Money HELD = Money.of(1_650_000, Currency.NGN);
    private static final Duration RESPONSE_WINDOW = Duration.ofHours(72);

    private AggregateTestFixture<Job> fixture;
    private SpawnedAggregates spawned;
    private final Map<String, String> disputesOfOtherJobs = new HashMap<>();
    private Instant postedAt;
    private Instant openedAt;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Job.class);
        spawned = new SpawnedAggregates();
        fixture.registerRepositoryProvider(spawned);
        fixture.registerInjectableResource(new DisputePolicy(RESPONSE_WINDOW, Duration.ofDays(7)));
        fixture.registerInjectableResource((KnownDisputes) disputeId -> Optional.ofNullable(disputesOfOtherJobs.get(disputeId.value())).map(JobId::of));
        fixture.registerInjectableResource(new EscrowHoldings() {
            @Override
            public Money held(EscrowId escrowId) {
                return HELD;
            }

            @Override
            public boolean chargebackOpen(EscrowId escrowId) {
                return false;
            }
        });
        postedAt = fixture.currentTime();
        openedAt = postedAt.plus(Duration.ofHours(3));
    }

    private Object[] funded() {
        return new Object[]{posted(postedAt), applied(WORKER_ID, postedAt), hired(WORKER_ID, postedAt), fundedFor(WORKER_ID)};
    }

    private Object[] funded(Object... more) {
        Object[] base = funded();
        Object[] all = new Object[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private OpenDispute open(String by) {
        return new OpenDispute(DisputeId.of(DISPUTE_ID), JobId.of(JOB_ID), by, " work not done", "The worker left after an hour ", openedAt);
    }

    private JobDisputed disputedBy(String by) {
        return new JobDisputed(JobId.of(JOB_ID), DisputeId.of(DISPUTE_ID), EscrowId.of(ESCROW_ID), by, "work not done", "The worker left after an hour");
    }

    @Test
    void theClientOpensADisputeOnAFundedJobAndTheWorkerHasTheResponseWindowToAnswer() {
        fixture.given(funded())
               .when(open(CLIENT_ID))
               .expectEvents(disputedBy(CLIENT_ID));
        assertThat(spawned.eventsOf(DISPUTE_ID)).containsExactly(new DisputeOpened(DisputeId.of(DISPUTE_ID), JobId.of(JOB_ID), EscrowId.of(ESCROW_ID), CLIENT_ID,
                WorkerId.of(WORKER_ID), CLIENT_ID, DisputeParty.CLIENT, "work not done", "The worker left after an hour", PAY, HELD,
                openedAt, openedAt.plus(RESPONSE_WINDOW)));
    }

    @Test
    void theHiredWorkerMayOpenOneToo() {
        fixture.given(funded())
               .when(open(WORKER_ID))
               .expectEvents(disputedBy(WORKER_ID));
        assertThat(spawned.eventsOf(DISPUTE_ID)).singleElement()
                .isInstanceOfSatisfying(DisputeOpened.class, opened -> assertThat(opened.openerRole()).isEqualTo(DisputeParty.WORKER));
    }

    @Test
    void aDisputeNeedsAReasonAndDetailsOfReasonableSize() {
        fixture.given(funded())
               .when(new OpenDispute(DisputeId.of(DISPUTE_ID), JobId.of(JOB_ID), CLIENT_ID, " ", "details", openedAt))
               .expectNoEvents().expectException(refusedWith(DisputeErrorCode.INVALID_DISPUTE));
        fixture.given(funded())
               .when(new OpenDispute(DisputeId.of(DISPUTE_ID), JobId.of(JOB_ID), CLIENT_ID, "late", "x".repeat(5_001), openedAt))
               .expectNoEvents().expectException(refusedWith(DisputeErrorCode.INVALID_DISPUTE));
        assertThat(spawned.eventsOf(DISPUTE_ID)).isEmpty();
    }

    @Test
    void aStrangerOpensNone() {
        fixture.given(funded())
               .when(open(OTHER_WORKER_ID))
               .expectNoEvents().expectException(refusedWith(DisputeErrorCode.NOT_A_PARTY));
        assertThat(spawned.eventsOf(DISPUTE_ID)).isEmpty();
    }

    @Test
    void notBeforeFundingNorAfterTheConfirmation() {
        fixture.given(posted(postedAt), applied(WORKER_ID, postedAt), hired(WORKER_ID, postedAt))
               .when(open(CLIENT_ID))
               .expectNoEvents().expectException(refusedWith(DisputeErrorCode.JOB_NOT_DISPUTABLE));
        var shift = shiftFrom(postedAt);
        fixture.given(funded(new WorkerCheckedIn(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), LEKKI.point(), 0, shift.start(), shift),
                       new WorkerCheckedOut(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), LEKKI.point(), 0, shift.end(), false),
                       new ShiftConfirmed(JobId.of(JOB_ID), EscrowId.of(ESCROW_ID), WorkerId.of(WORKER_ID), false)))
               .when(open(CLIENT_ID))
               .expectNoEvents().expectException(refusedWith(DisputeErrorCode.JOB_NOT_DISPUTABLE));
        assertThat(spawned.eventsOf(DISPUTE_ID)).isEmpty();
    }

    @Test
    void oneDisputeAtATime() {
        fixture.given(funded(new JobDisputed(JobId.of(JOB_ID), DisputeId.of("another-dispute"), EscrowId.of(ESCROW_ID), CLIENT_ID)))
               .when(open(WORKER_ID))
               .expectNoEvents().expectException(refusedWith(DisputeErrorCode.DISPUTE_ALREADY_OPEN));
    }

    @Test
    void theSameDisputeOpenedAgainIsANoOpEvenOnceClosed() {
        fixture.given(funded(disputedBy(CLIENT_ID)))
               .when(open(CLIENT_ID))
               .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(funded(disputedBy(CLIENT_ID), new JobDisputeWithdrawn(JobId.of(JOB_ID), DisputeId.of(DISPUTE_ID), JobStatus.FUNDED)))
               .when(open(CLIENT_ID))
               .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(funded(new JobDisputed(JobId.of(JOB_ID), DisputeId.of(DISPUTE_ID), EscrowId.of(ESCROW_ID), CLIENT_ID)))
               .when(open(CLIENT_ID))
               .expectSuccessfulHandlerExecution().expectNoEvents();
        assertThat(spawned.eventsOf(DISPUTE_ID)).as("the dispute is not opened again").isEmpty();
    }

    @Test
    void anotherDisputeUnderAnOpenedDisputesIdIsRefused() {
        fixture.given(funded(disputedBy(CLIENT_ID)))
               .when(open(WORKER_ID))
               .expectNoEvents().expectException(refusedWith(DisputeErrorCode.DISPUTE_ID_TAKEN));
        fixture.given(funded(disputedBy(CLIENT_ID)))
               .when(new OpenDispute(DisputeId.of(DISPUTE_ID), JobId.of(JOB_ID), CLIENT_ID, "work not done", "Another complaint", openedAt))
               .expectNoEvents().expectException(refusedWith(DisputeErrorCode.DISPUTE_ID_TAKEN));
        disputesOfOtherJobs.put(DISPUTE_ID, "another-job");
        fixture.given(funded())
               .when(open(CLIENT_ID))
               .expectNoEvents().expectException(refusedWith(DisputeErrorCode.DISPUTE_ID_TAKEN));
    }

    @Test
    void withdrawingPutsTheJobBackWhereItWasOnce() {
        var shift = shiftFrom(postedAt);
        fixture.given(funded(new WorkerCheckedIn(JobId.of(JOB_ID), WorkerId.of(WORKER_ID), LEKKI.point(), 0, shift.start(), shift),
                       disputedBy(CLIENT_ID)))
               .when(new WithdrawJobDispute(JobId.of(JOB_ID), DisputeId.of(DISPUTE_ID)))
               .expectEvents(new JobDisputeWithdrawn(JobId.of(JOB_ID), DisputeId.of(DISPUTE_ID), JobStatus.IN_PROGRESS));
        fixture.given(funded(disputedBy(CLIENT_ID), new JobDisputeWithdrawn(JobId.of(JOB_ID), DisputeId.of(DISPUTE_ID), JobStatus.FUNDED)))
               .when(new WithdrawJobDispute(JobId.of(JOB_ID), DisputeId.of(DISPUTE_ID)))
               .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(funded(disputedBy(CLIENT_ID)))
               .when(new WithdrawJobDispute(JobId.of(JOB_ID), DisputeId.of("another-dispute")))
               .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void settlingEndsTheJobCompletedOrCancelledOnce() {
        fixture.given(funded(disputedBy(CLIENT_ID)))
               .when(new SettleJobDispute(JobId.of(JOB_ID), DisputeId.of(DISPUTE_ID), DisputeOutcome.REFUND_TO_CLIENT))
               .expectEvents(new JobDisputeSettled(JobId.of(JOB_ID), DisputeId.of(DISPUTE_ID), CLIENT_ID, WorkerId.of(WORKER_ID), DisputeOutcome.REFUND_TO_CLIENT,
                       JobStatus.CANCELLED));
        assertThat(spawned.eventsOf(JobRatingsIds.of(JOB_ID))).as("a cancelled job is not rated").isEmpty();
        fixture.given(funded(disputedBy(CLIENT_ID)))
               .when(new SettleJobDispute(JobId.of(JOB_ID), DisputeId.of(DISPUTE_ID), DisputeOutcome.SPLIT))
               .expectEvents(new JobDisputeSettled(JobId.of(JOB_ID), DisputeId.of(DISPUTE_ID), CLIENT_ID, WorkerId.of(WORKER_ID), DisputeOutcome.SPLIT,
                       JobStatus.COMPLETED));
        assertThat(spawned.eventsOf(JobRatingsIds.of(JOB_ID))).as("the worker was paid: the job is rated").containsExactly(
                new JobRatingsOpened(JobRatingsIds.of(JOB_ID), JobId.of(JOB_ID), CLIENT_ID, WorkerId.of(WORKER_ID), JobStatus.COMPLETED,
                        fixture.currentTime()));
        fixture.given(funded(disputedBy(CLIENT_ID), new JobDisputeSettled(JobId.of(JOB_ID), DisputeId.of(DISPUTE_ID), CLIENT_ID, WorkerId.of(WORKER_ID),
                       DisputeOutcome.SPLIT, JobStatus.COMPLETED)))
               .when(new SettleJobDispute(JobId.of(JOB_ID), DisputeId.of(DISPUTE_ID), DisputeOutcome.SPLIT))
               .expectSuccessfulHandlerExecution().expectNoEvents();
    }
}
