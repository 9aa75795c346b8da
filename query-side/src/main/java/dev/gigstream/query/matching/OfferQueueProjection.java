package dev.gigstream.query.matching;

import dev.gigstream.messages.job.JobCancelled;
import dev.gigstream.messages.job.JobExpired;
import dev.gigstream.messages.job.JobOffered;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.query.common.SharedProcessor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Keeps every worker's offer queue ({@link OfferQueues}) from the Job's events: an offer joins its
 * worker's queue, and leaves every queue at once when the job is hired, cancelled or expires (or by
 * itself when it lapses). A replay rebuilds the queues with the offers' own expiries, leaving out those
 * that lapsed; it decides and publishes nothing.
 * <p>
 * When the queues' store does not answer (Redis down), the change is logged and skipped rather than
 * parked: offers live minutes, so one retried from the dead-letter queue (every five minutes) would
 * mostly be stale, and parking every job's events for the length of an outage could overflow the
 * dead-letter queue, which stops the whole projection. Workers still get each offer pushed; a queue may
 * miss an offer made, or keep one withdrawn, during the outage until it lapses (applying then answers
 * 409).
 */
@Component
@SharedProcessor(SharedProcessor.JOB_READ_MODELS)
@ProcessingGroup(OfferQueueProjection.NAME)
public class OfferQueueProjection {

    public static final String NAME = "job-offers";

    private static final Logger log = LoggerFactory.getLogger(OfferQueueProjection.class);

    private final OfferQueues queues;
    private final Clock clock;

    public OfferQueueProjection(OfferQueues queues, Clock clock) {
        this.queues = queues;
        this.clock = clock;
    }

    @EventHandler
    void on(JobOffered event) {
        if (!event.expiresAt().isAfter(clock.instant())) {
            return; // lapsed already, as most are when the stream is replayed
        }
        var offer = new QueuedOffer(event.jobId().value(), event.workerId().value(), event.rank(), event.title(), event.pay(),
                event.distanceKm(), event.expiresAt());
        try {
            queues.add(offer);
        } catch (OffersUnavailable e) {
            log.warn("Offer of job {} to worker {} not queued ({}): the worker has it as a notification only",
                    event.jobId(), event.workerId(), e.getMessage());
        }
    }

    @EventHandler
    void on(WorkerHired event) {
        withdraw(event.jobId().value());
    }

    @EventHandler
    void on(JobCancelled event) {
        withdraw(event.jobId().value());
    }

    @EventHandler
    void on(JobExpired event) {
        withdraw(event.jobId().value());
    }

    @ResetHandler
    void reset() {
        queues.clear();
    }

    private void withdraw(String jobId) {
        try {
            queues.withdraw(jobId);
        } catch (OffersUnavailable e) {
            log.warn("Offers of job {} not withdrawn from the queues ({}): they stay listed until they lapse",
                    jobId, e.getMessage());
        }
    }
}
