package dev.gigstream.command.rating;

import org.axonframework.eventsourcing.eventstore.EventStore;

/** A job is known when the event store holds a stream for it; nothing of the job is loaded. */
public class StoredJobs implements KnownJobs {

    private final EventStore events;

    public StoredJobs(EventStore events) {
        this.events = events;
    }

    @Override
    public boolean known(String jobId) {
        return events.lastSequenceNumberFor(jobId).isPresent();
    }
}
