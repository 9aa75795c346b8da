package dev.gigstream.command.dispute;

import dev.gigstream.command.escrow.EscrowPayment;
import dev.gigstream.command.job.Job;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.dispute.DisputeErrorCode;
import dev.gigstream.messages.dispute.DisputeOutcome;
import dev.gigstream.messages.dispute.DisputeParty;
import dev.gigstream.messages.escrow.ChargebackReceived;
import dev.gigstream.messages.escrow.ChargebackResolved;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowFundingRequested;
import dev.gigstream.messages.job.JobDisputeSettled;
import dev.gigstream.messages.job.JobDisputeWithdrawn;
import dev.gigstream.messages.job.JobDisputed;
import dev.gigstream.messages.job.JobFunded;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobSite;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.ShiftConfirmed;
import dev.gigstream.messages.job.WorkerApplied;
import dev.gigstream.messages.job.WorkerCheckedIn;
import dev.gigstream.messages.job.WorkerCheckedOut;
import dev.gigstream.messages.job.WorkerHired;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static dev.gigstream.command.dispute.DisputeMother.CLIENT_ID;
import static dev.gigstream.command.dispute.DisputeMother.DISPUTE_ID;
import static dev.gigstream.command.dispute.DisputeMother.ESCROW_ID;
import static dev.gigstream.command.dispute.DisputeMother.HELD;
import static dev.gigstream.command.dispute.DisputeMother.JOB_ID;
import static dev.gigstream.command.dispute.DisputeMother.PAY;
import static dev.gigstream.command.dispute.DisputeMother.STRANGER_ID;
import static dev.gigstream.command.dispute.DisputeMother.WORKER_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Job's rules for disputes, against the real Job and EscrowPayment aggregates loaded from an
 * event store as a dispute's unit of work loads them: who may open one, when, and only one at a time.
 */
class AggregateDisputedJobsTest {

    private static final Instant POSTED = Instant.parse("2026-12-01T08:00:00Z");
    private static final ShiftWindow SHIFT = new ShiftWindow(POSTED.plus(Duration.ofHours(2)), POSTED.plus(Duration.ofHours(10)));
    private static final GeoPoint SITE = new GeoPoint(6.4474, 3.4726);

    private EmbeddedEventStore store;
    private DisputedJobs disputedJobs;
    private final List<Object> jobHistory = new ArrayList<>();
    private int stored;

    @BeforeEach
    void setUp() {
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        disputedJobs = new AggregateDisputedJobs(EventSourcingRepository.builder(Job.class).eventStore(store).build(),
                EventSourcingRepository.builder(EscrowPayment.class).eventStore(store).build());
        store.publish(domainEvents("EscrowPayment", ESCROW_ID, List.of(
                new EscrowFundingRequested(ESCROW_ID, JOB_ID, CLIENT_ID, WORKER_ID, PAY, Money.of(150_000, Currency.NGN),
                        HELD, "gs-esc-" + ESCROW_ID),
                new EscrowFunded(ESCROW_ID, JOB_ID, HELD, 0, List.of())), 0));
        jobHistory.addAll(List.of(
                new JobPosted(JOB_ID, CLIENT_ID, "Barista", "Espresso bar", List.of("barista"), new JobSite(SITE, "Lekki"),
                        SHIFT, PAY, POSTED),
                new WorkerApplied(JOB_ID, WORKER_ID, null, POSTED),
                new WorkerHired(JOB_ID, WORKER_ID, CLIENT_ID, PAY, ESCROW_ID, SHIFT.start())));
    }

    @Test
    void theClientOrTheHiredWorkerOpensADisputeOnAFundedJob() {
        givenJob(new JobFunded(JOB_ID, ESCROW_ID, WORKER_ID));

        DisputedJobs.DisputedJob job = inUnitOfWork(() -> disputedJobs.open(JOB_ID, DISPUTE_ID, WORKER_ID));

        assertThat(job).isEqualTo(new DisputedJobs.DisputedJob(CLIENT_ID, WORKER_ID, ESCROW_ID, DisputeParty.WORKER, PAY, HELD));
        assertThat(jobEventsAfterGivens()).containsExactly(new JobDisputed(JOB_ID, DISPUTE_ID, ESCROW_ID, WORKER_ID));
    }

    @Test
    void aStrangerOpensNone() {
        givenJob(new JobFunded(JOB_ID, ESCROW_ID, WORKER_ID));

        assertRefused(() -> disputedJobs.open(JOB_ID, DISPUTE_ID, STRANGER_ID), DisputeErrorCode.NOT_A_PARTY);
    }

    @Test
    void notBeforeFundingNorAfterTheConfirmation() {
        assertRefused(() -> disputedJobs.open(JOB_ID, DISPUTE_ID, CLIENT_ID), DisputeErrorCode.JOB_NOT_DISPUTABLE);

        givenJob(new JobFunded(JOB_ID, ESCROW_ID, WORKER_ID),
                new WorkerCheckedIn(JOB_ID, WORKER_ID, SITE, 0, SHIFT.start(), SHIFT),
                new WorkerCheckedOut(JOB_ID, WORKER_ID, SITE, 0, SHIFT.end(), false),
                new ShiftConfirmed(JOB_ID, ESCROW_ID, WORKER_ID, false));
        assertRefused(() -> disputedJobs.open(JOB_ID, DISPUTE_ID, CLIENT_ID), DisputeErrorCode.JOB_NOT_DISPUTABLE);
    }

    @Test
    void oneDisputeAtATime() {
        givenJob(new JobFunded(JOB_ID, ESCROW_ID, WORKER_ID), new JobDisputed(JOB_ID, DISPUTE_ID, ESCROW_ID, CLIENT_ID));

        assertRefused(() -> disputedJobs.open(JOB_ID, "another-dispute", WORKER_ID), DisputeErrorCode.DISPUTE_ALREADY_OPEN);
    }

    @Test
    void withdrawingPutsTheJobBackWhereItWas() {
        givenJob(new JobFunded(JOB_ID, ESCROW_ID, WORKER_ID),
                new WorkerCheckedIn(JOB_ID, WORKER_ID, SITE, 0, SHIFT.start(), SHIFT),
                new JobDisputed(JOB_ID, DISPUTE_ID, ESCROW_ID, CLIENT_ID));

        inUnitOfWork(() -> {
            disputedJobs.withdraw(JOB_ID, DISPUTE_ID);
            return null;
        });

        assertThat(jobEventsAfterGivens()).containsExactly(new JobDisputeWithdrawn(JOB_ID, DISPUTE_ID, JobStatus.IN_PROGRESS));
    }

    @Test
    void settlingEndsTheJobCompletedOrCancelled() {
        givenJob(new JobFunded(JOB_ID, ESCROW_ID, WORKER_ID), new JobDisputed(JOB_ID, DISPUTE_ID, ESCROW_ID, CLIENT_ID));

        inUnitOfWork(() -> {
            disputedJobs.settle(JOB_ID, DISPUTE_ID, DisputeOutcome.SPLIT);
            disputedJobs.settle(JOB_ID, DISPUTE_ID, DisputeOutcome.SPLIT);
            return null;
        });

        assertThat(jobEventsAfterGivens()).as("settled once")
                .containsExactly(new JobDisputeSettled(JOB_ID, DISPUTE_ID, CLIENT_ID, WORKER_ID, DisputeOutcome.SPLIT, JobStatus.COMPLETED));
    }

    @Test
    void aChargebackIsOpenFromItsArrivalOnTheHeldMoneyUntilPaystackResolvesIt() {
        assertThat(inUnitOfWork(() -> disputedJobs.chargebackOpen(ESCROW_ID))).isFalse();
        store.publish(domainEvents("EscrowPayment", ESCROW_ID, List.of(
                new ChargebackReceived(ESCROW_ID, JOB_ID, CLIENT_ID, "cb-1", "fraudulent", true, POSTED)), 2));
        assertThat(inUnitOfWork(() -> disputedJobs.chargebackOpen(ESCROW_ID))).isTrue();
        store.publish(domainEvents("EscrowPayment", ESCROW_ID, List.of(
                new ChargebackResolved(ESCROW_ID, JOB_ID, "cb-1", "declined")), 3));
        assertThat(inUnitOfWork(() -> disputedJobs.chargebackOpen(ESCROW_ID))).isFalse();
    }

    private void givenJob(Object... more) {
        jobHistory.addAll(List.of(more));
    }

    private <T> T inUnitOfWork(Callable<T> work) {
        var result = run(work);
        assertThat(result.isExceptional()).as("refused: %s", result.optionalExceptionResult()).isFalse();
        return result.getPayload();
    }

    private void assertRefused(Callable<?> work, DisputeErrorCode code) {
        var result = run(work);
        assertThat(result.exceptionResult()).isInstanceOfSatisfying(RefusedException.class,
                refused -> assertThat(refused.refusal().code()).isEqualTo(code.name()));
        assertThat(jobEventsAfterGivens()).as("nothing stored").isEmpty();
    }

    /** Stores the job's history given so far, then runs the work in a unit of work of its own. */
    private <T> ResultMessage<T> run(Callable<T> work) {
        store.publish(domainEvents("Job", JOB_ID, jobHistory.subList(stored, jobHistory.size()), stored));
        stored = jobHistory.size();
        return DefaultUnitOfWork.startAndGet(null).executeWithResult(work);
    }

    private List<Object> jobEventsAfterGivens() {
        return store.readEvents(JOB_ID).asStream().skip(stored).map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    private static List<GenericDomainEventMessage<Object>> domainEvents(String type, String id, List<Object> payloads,
                                                                        int firstSequence) {
        List<GenericDomainEventMessage<Object>> events = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            events.add(new GenericDomainEventMessage<>(type, id, firstSequence + i, payloads.get(i)));
        }
        return events;
    }
}
