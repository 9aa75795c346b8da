package dev.gigstream.command;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;

import java.util.List;

/**
 * The aggregates a fixture's aggregate starts with {@code AggregateLifecycle.createNew} (a job starts its
 * dispute and its ratings), stored apart from the fixture's own event store, which takes one aggregate's
 * events only: register it with {@code registerRepositoryProvider} and read what a spawned aggregate applied.
 */
public final class SpawnedAggregates implements RepositoryProvider {

    private final EmbeddedEventStore store =
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();

    @Override
    public <T> Repository<T> repositoryFor(Class<T> aggregateType) {
        return EventSourcingRepository.builder(aggregateType).eventStore(store).repositoryProvider(this).build();
    }

    /** What the aggregate {@code id} applied, in order; nothing when it was never started (or its unit of work rolled back). */
    public List<Object> eventsOf(String id) {
        return store.readEvents(id).asStream().map(EventMessage::getPayload).map(Object.class::cast).toList();
    }
}
