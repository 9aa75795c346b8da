package dev.gigstream.command.rating;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.job.JobCompleted;
import dev.gigstream.messages.job.JobDisputeSettled;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.WorkerNoShow;
import dev.gigstream.messages.rating.JobRatingsIds;
import dev.gigstream.messages.rating.JobRatingsOpened;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.Optional;

/**
 * Jobs as the event store holds them; nothing of a job is loaded. A job is known when the store holds a
 * stream for it. Its end is read from the events the job finished with (completed, a no-show, or a
 * settlement that paid the worker), from the first event on: a snapshot would skip them.
 */
public class StoredJobs implements KnownJobs, FinishedJobs {

    private final EventStore events;

    public StoredJobs(EventStore events) {
        this.events = events;
    }

    @Override
    public boolean known(JobId jobId) {
        return events.lastSequenceNumberFor(jobId.value()).isPresent();
    }

    @Override
    public Optional<JobRatingsOpened> openingOf(JobId jobId) {
        String clientId = null;
        WorkerId workerId = null;
        JobStatus status = null;
        Instant finishedAt = null;
        DomainEventStream stream = events.readEvents(jobId.value(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            Object payload = event.getPayload();
            if (payload instanceof JobPosted posted) {
                clientId = posted.clientId();
            } else if (payload instanceof JobCompleted completed) {
                workerId = completed.workerId();
                status = JobStatus.COMPLETED;
                finishedAt = event.getTimestamp();
            } else if (payload instanceof WorkerNoShow noShow) {
                workerId = noShow.workerId();
                status = JobStatus.NO_SHOW;
                finishedAt = event.getTimestamp();
            } else if (payload instanceof JobDisputeSettled settled) {
                workerId = settled.workerId();
                status = settled.status();
                finishedAt = event.getTimestamp();
            }
        }
        if (finishedAt == null || status != JobStatus.COMPLETED && status != JobStatus.NO_SHOW) {
            return Optional.empty();
        }
        return Optional.of(new JobRatingsOpened(JobRatingsIds.of(jobId.value()), jobId, clientId, workerId, status, finishedAt));
    }
}
