package dev.gigstream.command.rating;

import dev.gigstream.command.lookup.LookupTable;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.job.JobCompleted;
import dev.gigstream.messages.job.JobDisputeSettled;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.WorkerNoShow;
import dev.gigstream.messages.rating.JobRatingsIds;
import dev.gigstream.messages.rating.JobRatingsOpened;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Every job with its client and, once it finished, its worker, how it finished and when (table
 * {@code known_job}), kept from the Job's events in the unit of work that stores them: posted, then
 * completed, a no-show or a settlement, the last of them standing. The ratings learn from it whether a job
 * exists and how a job that finished before jobs opened their own ratings would have opened them, without
 * reading the Job's stream.
 */
@ProcessingGroup(LookupTable.PROCESSING_GROUP)
public class KnownJobsTable implements KnownJobs, FinishedJobs {

    private final LookupTable table;

    public KnownJobsTable(LookupTable table) {
        this.table = table;
    }

    @Override
    public boolean known(JobId jobId) {
        return table.queryOne("SELECT 1 FROM known_job WHERE job_id = ?", row -> true, jobId.value()).isPresent();
    }

    /** Only a job that ended COMPLETED or a NO_SHOW opens its ratings; a settlement that refunded the client does not. */
    @Override
    public Optional<JobRatingsOpened> openingOf(JobId jobId) {
        return table.queryOne("SELECT client_id, worker_id, finished_status, finished_at FROM known_job"
                        + " WHERE job_id = ? AND finished_status IN ('COMPLETED', 'NO_SHOW')",
                row -> new JobRatingsOpened(JobRatingsIds.of(jobId.value()), jobId, row.getString(1), WorkerId.of(row.getString(2)),
                        JobStatus.valueOf(row.getString(3)), row.getObject(4, OffsetDateTime.class).toInstant()),
                jobId.value());
    }

    @EventHandler
    void on(JobPosted event) {
        String jobId = event.jobId().value();
        table.upsert("UPDATE known_job SET client_id = ? WHERE job_id = ?", new Object[]{event.clientId(), jobId},
                "INSERT INTO known_job (job_id, client_id) VALUES (?, ?)", new Object[]{jobId, event.clientId()});
    }

    @EventHandler
    void on(JobCompleted event, @Timestamp Instant at) {
        finished(event.jobId(), event.workerId(), JobStatus.COMPLETED, at);
    }

    @EventHandler
    void on(WorkerNoShow event, @Timestamp Instant at) {
        finished(event.jobId(), event.workerId(), JobStatus.NO_SHOW, at);
    }

    @EventHandler
    void on(JobDisputeSettled event, @Timestamp Instant at) {
        finished(event.jobId(), event.workerId(), event.status(), at);
    }

    private void finished(JobId jobId, WorkerId workerId, JobStatus status, Instant at) {
        OffsetDateTime finishedAt = at.atOffset(ZoneOffset.UTC);
        table.upsert("UPDATE known_job SET worker_id = ?, finished_status = ?, finished_at = ? WHERE job_id = ?",
                new Object[]{workerId.value(), status.name(), finishedAt, jobId.value()},
                "INSERT INTO known_job (job_id, worker_id, finished_status, finished_at) VALUES (?, ?, ?, ?)",
                new Object[]{jobId.value(), workerId.value(), status.name(), finishedAt});
    }
}
