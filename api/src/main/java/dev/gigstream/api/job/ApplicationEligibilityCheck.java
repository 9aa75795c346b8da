package dev.gigstream.api.job;

import dev.gigstream.api.messaging.ReadModelPositions;
import dev.gigstream.messages.job.ApplicationEligibility;
import dev.gigstream.messages.job.FindApplicationEligibility;
import dev.gigstream.messages.worker.FindWorkerProfile;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Tells a worker who just applied whether the client will see them among the ranked applicants. The
 * ranking reads the job's applicants and the worker profile read models, which follow the events a
 * moment behind: a worker who set their profile and applied at once would otherwise be told
 * {@code NO_PROFILE}. So the answer waits, briefly, until both read models have passed the application
 * ({@link ReadModelPositions}), which came after the worker's profile; if they have not within
 * {@link #WAIT}, nothing is claimed and the verdict is unknown.
 */
@Component
class ApplicationEligibilityCheck {

    /** The longest an application's answer waits for the read models. */
    static final Duration WAIT = Duration.ofSeconds(2);

    private final QueryGateway queries;
    private final ReadModelPositions positions;

    ApplicationEligibilityCheck(QueryGateway queries, ReadModelPositions positions) {
        this.queries = queries;
        this.positions = positions;
    }

    /**
     * The ranking's verdict once the read models have passed the application at {@code position}; empty if
     * they have not in time.
     */
    Optional<ApplicationEligibility> of(String jobId, String workerId, long position) {
        if (!positions.awaitReadModels(position, WAIT, FindApplicationEligibility.class, FindWorkerProfile.class)) {
            return Optional.empty();
        }
        return queries.query(new FindApplicationEligibility(jobId, workerId),
                ResponseTypes.optionalInstanceOf(ApplicationEligibility.class)).join();
    }
}
