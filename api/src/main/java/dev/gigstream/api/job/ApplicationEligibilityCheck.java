package dev.gigstream.api.job;

import dev.gigstream.messages.job.ApplicationEligibility;
import dev.gigstream.messages.job.FindApplicationEligibility;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Tells a worker who just applied whether the client will see them among the ranked applicants. The
 * ranking reads the worker profile read model, which follows the Worker's events a moment behind: a
 * worker who set their profile and applied at once would otherwise be told {@code NO_PROFILE}. So the
 * answer waits, briefly, until the read model holds the worker's latest event in the event store, and the
 * job itself; if it does not within {@link #WAIT}, nothing is claimed and the verdict is unknown.
 */
@Component
class ApplicationEligibilityCheck {

    /** The longest an application's answer waits for the read models. */
    static final Duration WAIT = Duration.ofSeconds(2);
    private static final long POLL_MILLIS = 20;

    private final QueryGateway queries;
    private final EventStore eventStore;

    ApplicationEligibilityCheck(QueryGateway queries, EventStore eventStore) {
        this.queries = queries;
        this.eventStore = eventStore;
    }

    /** The ranking's verdict once the read models are up to date with the worker and the job; empty if they are not in time. */
    Optional<ApplicationEligibility> of(String jobId, String workerId) {
        long workerSequence = eventStore.lastSequenceNumberFor(workerId).orElse(-1L);
        long until = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Optional<ApplicationEligibility> answer = queries.query(new FindApplicationEligibility(jobId, workerId),
                    ResponseTypes.optionalInstanceOf(ApplicationEligibility.class)).join();
            if (answer.isPresent() && answer.get().workerSequence() >= workerSequence) {
                return answer;
            }
            if (System.nanoTime() - until >= 0) {
                return Optional.empty();
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
