package dev.gigstream.command.rating;

import dev.gigstream.messages.job.JobStatus;

import java.time.Instant;

/** The port through which a job's ratings learn who took part in the job and when it finished. */
public interface RatedJobs {

    /** @throws org.axonframework.modelling.command.AggregateNotFoundException for an unknown job */
    RatedJob of(String jobId);

    /** {@code finishedAt} is set once the job is COMPLETED or NO_SHOW. */
    record RatedJob(String clientId, String workerId, JobStatus status, Instant finishedAt) {

        boolean finished() {
            return finishedAt != null && (status == JobStatus.COMPLETED || status == JobStatus.NO_SHOW);
        }
    }
}
