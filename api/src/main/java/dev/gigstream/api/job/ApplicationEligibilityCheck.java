package dev.gigstream.api.job;

import dev.gigstream.api.messaging.ReadModelPositions;
import dev.gigstream.messages.job.ApplicationEligibility;
import dev.gigstream.messages.job.FindApplicationEligibility;
import dev.gigstream.messages.worker.FindWorkerProfile;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Tells a worker who just applied whether the client will see them among the ranked applicants. The
 * verdict weighs the job's needs (as posted, they do not change) against the worker's profile, and both
 * read models follow the events a moment behind: a worker who set their profile and applied at once would
 * otherwise be told {@code NO_PROFILE}. So the ranking is asked first, and its verdict answered at once when
 * it is definite: the job is known and the profile read model has applied the worker's latest event in the
 * event store (the usual case, the profile having been set well before). Otherwise the answer waits, briefly,
 * until both read models have passed the application ({@link ReadModelPositions}), which came after the
 * worker's profile; if they have not within {@link #WAIT}, nothing is claimed and the verdict is unknown.
 */
@Component
class ApplicationEligibilityCheck {

    /** The longest an application's answer waits for the read models. */
    static final Duration WAIT = Duration.ofSeconds(2);

    private final QueryGateway queries;
    private final ReadModelPositions positions;
    private final EventStore events;

    ApplicationEligibilityCheck(QueryGateway queries, ReadModelPositions positions, EventStore events) {
        this.queries = queries;
        this.positions = positions;
        this.events = events;
    }

    /**
     * The ranking's verdict, at once when the read models already show the worker as they are, else once
     * they have passed the application at {@code position}; empty if they have not in time.
     */
    Optional<ApplicationEligibility> of(String jobId, String workerId, long position) {
        Optional<ApplicationEligibility> now = ask(jobId, workerId);
        long workerSequence = events.lastSequenceNumberFor(workerId).orElse(-1L);
        if (now.isPresent() && now.get().workerSequence() >= workerSequence) {
            return now;
        }
        if (!positions.awaitReadModels(position, WAIT, FindApplicationEligibility.class, FindWorkerProfile.class)) {
            return Optional.empty();
        }
        return ask(jobId, workerId);
    }

    private Optional<ApplicationEligibility> ask(String jobId, String workerId) {
        return queries.query(new FindApplicationEligibility(jobId, workerId),
                ResponseTypes.optionalInstanceOf(ApplicationEligibility.class)).join();
    }
}
