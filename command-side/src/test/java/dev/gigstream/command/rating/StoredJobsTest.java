package dev.gigstream.command.rating;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.dispute.DisputeOutcome;
import dev.gigstream.messages.job.GeocodedBy;
import dev.gigstream.messages.job.JobCompleted;
import dev.gigstream.messages.job.JobDisputeSettled;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobSite;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.messages.job.WorkerNoShow;
import dev.gigstream.messages.rating.JobRatingsIds;
import dev.gigstream.messages.rating.JobRatingsOpened;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** How a job that finished before jobs opened their ratings would have opened them, read from its events. */
class StoredJobsTest {

    private static final String CLIENT_ID = "client-1";
    private static final String WORKER_ID = "worker-1";
    private static final Instant POSTED = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant FINISHED = Instant.parse("2026-11-22T18:00:00Z");
    private static final Money PAY = Money.of(50_000, Currency.GHS);

    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final StoredJobs jobs = new StoredJobs(store);

    @Test
    void aCompletedJobOpensWithItsPartiesAndTheTimeItCompleted() {
        history("job-1", new JobCompleted(JobId.of("job-1"), WorkerId.of(WORKER_ID)));

        assertThat(jobs.openingOf(JobId.of("job-1"))).contains(new JobRatingsOpened(JobRatingsIds.of("job-1"), JobId.of("job-1"), CLIENT_ID,
                WorkerId.of(WORKER_ID), JobStatus.COMPLETED, FINISHED));
        assertThat(jobs.known(JobId.of("job-1"))).isTrue();
    }

    @Test
    void aNoShowOpensForItsClient() {
        history("job-1", new WorkerNoShow(JobId.of("job-1"), WorkerId.of(WORKER_ID), EscrowId.of("escrow-1"), Money.zero(Currency.GHS)));

        assertThat(jobs.openingOf(JobId.of("job-1"))).map(JobRatingsOpened::jobStatus).contains(JobStatus.NO_SHOW);
    }

    @Test
    void aSettlementOpensWhenItPaidTheWorkerAndAFullRefundDoesNot() {
        history("job-1", new JobDisputeSettled(JobId.of("job-1"), DisputeId.of("dispute-1"), CLIENT_ID, WorkerId.of(WORKER_ID), DisputeOutcome.SPLIT, JobStatus.COMPLETED));
        history("job-2", new JobDisputeSettled(JobId.of("job-2"), DisputeId.of("dispute-2"), CLIENT_ID, WorkerId.of(WORKER_ID), DisputeOutcome.REFUND_TO_CLIENT,
                JobStatus.CANCELLED));

        assertThat(jobs.openingOf(JobId.of("job-1"))).map(JobRatingsOpened::finishedAt).contains(FINISHED);
        assertThat(jobs.openingOf(JobId.of("job-2"))).isEmpty();
    }

    @Test
    void aJobNotFinishedOrUnknownOpensNothing() {
        history("job-1");

        assertThat(jobs.openingOf(JobId.of("job-1"))).isEmpty();
        assertThat(jobs.openingOf(JobId.of("job-2"))).isEmpty();
        assertThat(jobs.known(JobId.of("job-2"))).isFalse();
    }

    /** Posted, hired, then {@code ending} at {@link #FINISHED}. */
    private void history(String jobId, Object... ending) {
        ShiftWindow shift = new ShiftWindow(FINISHED.minus(Duration.ofHours(6)), FINISHED.minus(Duration.ofHours(2)));
        store.publish(event(jobId, 0, new JobPosted(JobId.of(jobId), CLIENT_ID, "Welder", "Gate repair", List.of("welder"),
                        new JobSite(new GeoPoint(5.6037, -0.187), "Osu, Accra", GeocodedBy.GAZETTEER), shift, PAY, POSTED), POSTED),
                event(jobId, 1, new WorkerHired(JobId.of(jobId), WorkerId.of(WORKER_ID), CLIENT_ID, PAY, EscrowId.of("escrow-1"), shift.start()), POSTED.plusSeconds(60)));
        for (int i = 0; i < ending.length; i++) {
            store.publish(event(jobId, 2 + i, ending[i], FINISHED));
        }
    }

    private static GenericDomainEventMessage<?> event(String jobId, long sequence, Object payload, Instant at) {
        return new GenericDomainEventMessage<>("Job", jobId, sequence, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at);
    }
}
