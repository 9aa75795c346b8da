package dev.gigstream.query.matching;

import java.time.Instant;
import java.util.List;

/**
 * Every worker's queue of live job offers, best rank first (equal ranks by job id). Written by
 * {@link OfferQueueProjection} from the Job's events, read by the offers endpoint. On Redis when it is
 * configured (shared by every instance, entries expiring with their offers), else on MongoDB
 * ({@link MongoOfferQueues}).
 */
public interface OfferQueues {

    /** Puts the offer into its worker's queue; the same offer again replaces it. */
    void add(QueuedOffer offer);

    /** Takes the job's offers out of every worker's queue at once (hired, cancelled or expired). */
    void withdraw(String jobId);

    /**
     * The worker's offers still valid at {@code now}, best first.
     *
     * @throws OffersUnavailable when the store does not answer
     */
    List<QueuedOffer> live(String workerId, Instant now);

    /** Empties every queue, before the projection is replayed. */
    void clear();
}
