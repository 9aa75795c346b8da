package dev.gigstream.api.storage;

import dev.gigstream.command.job.Job;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.job.GeocodedBy;
import dev.gigstream.messages.job.JobDisputeWithdrawn;
import dev.gigstream.messages.job.JobDisputed;
import dev.gigstream.messages.job.JobFunded;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobSite;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.WorkerApplied;
import dev.gigstream.messages.job.WorkerHired;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A job's snapshot holds the disputes it opened, with their complaints, as its events do. */
class JobSnapshotTest {

    private static final String JOB = "job-1";
    private static final Instant POSTED = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void aJobWithItsDisputesSurvivesItsSnapshot() {
        ShiftWindow shift = new ShiftWindow(POSTED.plus(Duration.ofHours(2)), POSTED.plus(Duration.ofHours(10)));
        Money pay = Money.of(1_500_000, Currency.NGN);
        Job job = replayed(List.of(
                new JobPosted(JobId.of(JOB), "client-1", "Barista", "Espresso bar", List.of("barista"),
                        new JobSite(new GeoPoint(6.4541, 3.3947), "1 Marina, Lagos Island", GeocodedBy.GAZETTEER), shift, pay, POSTED),
                new WorkerApplied(JobId.of(JOB), WorkerId.of("worker-1"), null, POSTED),
                new WorkerHired(JobId.of(JOB), WorkerId.of("worker-1"), "client-1", pay, EscrowId.of("escrow-1"), shift.start()),
                new JobFunded(JobId.of(JOB), EscrowId.of("escrow-1"), WorkerId.of("worker-1")),
                new JobDisputed(JobId.of(JOB), DisputeId.of("dispute-1"), EscrowId.of("escrow-1"), "client-1", "late", "an hour late"),
                new JobDisputeWithdrawn(JobId.of(JOB), DisputeId.of("dispute-1"), JobStatus.FUNDED),
                new JobDisputed(JobId.of(JOB), DisputeId.of("dispute-2"), EscrowId.of("escrow-1"), "worker-1")));
        Serializer snapshots = AggregateSnapshots.serializer(new AxonStorageConfiguration().axonPolymorphicTypes());

        SerializedObject<byte[]> snapshot = snapshots.serialize(job, byte[].class);
        Job restored = snapshots.deserialize(snapshot);

        assertThat(new String(snapshot.getData())).contains("an hour late");
        assertThat(restored).usingRecursiveComparison().isEqualTo(job);
    }

    private static Job replayed(List<Object> payloads) {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        List<GenericDomainEventMessage<Object>> events = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            events.add(new GenericDomainEventMessage<>("Job", JOB, i, payloads.get(i)));
        }
        store.publish(events);
        DomainEventStream history = store.readEvents(JOB, 0);
        Job root = new GenericAggregateFactory<>(Job.class).createAggregateRoot(JOB, history.peek());
        EventSourcedAggregate<Job> aggregate = EventSourcedAggregate.initialize(root,
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Job.class), store, NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(history);
        return aggregate.getAggregateRoot();
    }
}
