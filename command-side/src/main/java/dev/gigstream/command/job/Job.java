package dev.gigstream.command.job;

import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.job.CancelJob;
import dev.gigstream.messages.job.CompleteJob;
import dev.gigstream.messages.job.ExpireJob;
import dev.gigstream.messages.job.HireLapsed;
import dev.gigstream.messages.job.HireWorker;
import dev.gigstream.messages.job.JobCancelled;
import dev.gigstream.messages.job.JobCompleted;
import dev.gigstream.messages.job.JobExpired;
import dev.gigstream.messages.job.JobFunded;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.LapseHire;
import dev.gigstream.messages.job.MarkJobFunded;
import dev.gigstream.messages.job.PostJob;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.messages.worker.Skills;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A shift a client posts, from posting to payment: its posting, hire, funding, cancellation, expiry and
 * completion are decided here; its applicants and offers in {@link JobApplications}, its attendance in
 * {@link JobAttendance}, its disputes in {@link JobDisputes}: parts of this one aggregate, layered on the
 * state they share ({@link JobState}). An open job that nobody was hired for expires when its shift
 * starts. The rules that will evolve sit in {@link JobPostingPolicy}, {@link AttendancePolicy} and
 * {@link CancellationPolicy}.
 * <p>
 * Snapshotted as its fields (those of {@link JobState}): raise the {@code @Revision} whenever a field (or a
 * member's) changes, so that older snapshots are passed over rather than misread (docs/architecture.md).
 */
@Aggregate(snapshotTriggerDefinition = "jobSnapshots")
@Revision("2")
public class Job extends JobDisputes {

    static final String EXPIRY = "job-expiry";

    protected Job() {
    }

    /**
     * Creates the job, or finds it posted already: the edge derives a job's id from the request's
     * Idempotency-Key, so a retry whose first answer was lost (the command may have been stored) sends the
     * same command for the same job. Posting schedules nothing: the expiry sweep finds open jobs whose
     * shift has started and sends {@link ExpireJob}.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PostJob command, ClientStandings clients) {
        if (jobId != null && !samePosting(command)) {
            throw JobRefused.idTaken(jobId);
        }
        if (jobId != null) {
            return; // the same posting sent again: posted already, whatever became of the job since
        }
        if (clients.suspended(command.clientId())) {
            throw JobRefused.clientSuspended(command.clientId());
        }
        List<String> skills = JobPostingPolicy.check(command);
        apply(new JobPosted(command.jobId(), command.clientId(), command.title(), command.description(), skills,
                command.site(), command.shift(), command.pay(), command.postedAt()));
    }

    /**
     * The same client and what they asked for; the time differs on a retry, and the site is compared by
     * its address alone, since a geocoded address may come back a few metres apart the second time.
     */
    private boolean samePosting(PostJob command) {
        List<String> skills;
        try {
            skills = Skills.normalize(command.requiredSkills());
        } catch (IllegalArgumentException invalid) {
            return false;
        }
        return posting.clientId().equals(command.clientId()) && Objects.equals(posting.title(), command.title())
                && Objects.equals(posting.description(), command.description()) && posting.requiredSkills().equals(skills)
                && Objects.equals(posting.site().address(), command.site().address())
                && posting.shift().equals(command.shift()) && posting.pay().equals(command.pay());
    }

    @CommandHandler
    String handle(HireWorker command, ClientStandings clients) {
        requireClient(command.clientId());
        if (clients.suspended(clientId)) {
            throw JobRefused.clientSuspended(clientId);
        }
        if (status == JobStatus.HIRED && command.workerId().equals(hiredWorkerId)) {
            return escrowId.value(); // a repeated hire of the same worker changes nothing
        }
        if (status != JobStatus.OPEN) {
            throw JobRefused.notOpen(jobId, status);
        }
        if (shift.hasStartedAt(command.at())) {
            throw JobRefused.shiftStarted(jobId); // the expiry sweep may not have run yet
        }
        if (!applicants.contains(command.workerId())) {
            throw JobRefused.notAnApplicant(jobId, command.workerId());
        }
        apply(new WorkerHired(jobId, command.workerId(), clientId, pay, command.escrowId(), shift.start()));
        return command.escrowId().value();
    }

    /** Sent by the lifecycle once the escrow is funded; a check-in may have recorded the funding first ({@link JobAttendance}). */
    @CommandHandler
    void handle(MarkJobFunded command) {
        if (status == JobStatus.HIRED && command.escrowId().equals(escrowId)) {
            apply(new JobFunded(jobId, escrowId, hiredWorkerId));
        }
    }

    /** The payment window closed without payment: the job opens again for other applicants. */
    @CommandHandler
    void handle(LapseHire command) {
        if (status == JobStatus.HIRED) {
            apply(new HireLapsed(jobId, hiredWorkerId, escrowId, command.reason()));
        }
    }

    @CommandHandler
    void handle(CompleteJob command) throws Exception {
        if (status == JobStatus.AWAITING_CONFIRMATION && confirmed) {
            apply(new JobCompleted(jobId, hiredWorkerId));
            openRatings();
        }
    }

    /** Before funding a cancellation is free; after it, the cancellation policy decides the worker's share. */
    @CommandHandler
    void handle(CancelJob command, CancellationPolicy cancellations) {
        requireClient(command.clientId());
        if (status == JobStatus.CANCELLED) {
            return;
        }
        if (status != JobStatus.OPEN && status != JobStatus.HIRED && status != JobStatus.FUNDED) {
            throw JobRefused.cannotCancel(jobId, status);
        }
        boolean funded = status == JobStatus.FUNDED;
        apply(new JobCancelled(jobId, command.clientId(), command.reason(), funded ? escrowId : null,
                funded ? cancellations.workerShare(pay, shift, command.at()) : new Money(0, pay.currency())));
    }

    /** Sent by the expiry sweep; a job hired, cancelled or expired already, or whose shift has not started, stays as it is. */
    @CommandHandler
    void handle(ExpireJob command) {
        if (!command.at().isBefore(shift.start())) {
            expire();
        }
    }

    /**
     * The expiry deadline that jobs posted before the sweep scheduled for their shift's start: those
     * stored in db-scheduler still fire here (and the sweep may have expired the job first: then a no-op).
     */
    @DeadlineHandler(deadlineName = EXPIRY)
    void expire() {
        if (status == JobStatus.OPEN) {
            apply(new JobExpired(jobId));
        }
    }
}
