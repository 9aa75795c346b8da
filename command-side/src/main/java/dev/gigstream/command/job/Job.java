package dev.gigstream.command.job;

import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.job.ApplicationWithdrawn;
import dev.gigstream.messages.job.ApplyToJob;
import dev.gigstream.messages.job.CancelJob;
import dev.gigstream.messages.job.HireWorker;
import dev.gigstream.messages.job.JobCancelled;
import dev.gigstream.messages.job.JobExpired;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.PostJob;
import dev.gigstream.messages.job.WithdrawApplication;
import dev.gigstream.messages.job.WorkerApplied;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.messages.worker.ApplicantStanding;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A shift a client posts: who applied, who was hired, and where it stands. An open job that nobody
 * was hired for expires when its shift starts. What makes a posting acceptable is {@link JobPostingPolicy}.
 */
@Aggregate
public class Job {

    static final String EXPIRY = "job-expiry";

    @AggregateIdentifier
    private String jobId;
    private String clientId;
    private JobStatus status;
    private ShiftWindow shift;
    private Money pay;
    private final Set<String> applicants = new HashSet<>();
    private String hiredWorkerId;

    protected Job() {
    }

    /**
     * The expiry deadline is not cancelled when the job is hired or cancelled: it only acts on a job
     * that is still open, and cancelling by scope would make db-scheduler read every scheduled deadline.
     */
    @CommandHandler
    public Job(PostJob command, DeadlineManager deadlines) {
        List<String> skills = JobPostingPolicy.check(command);
        apply(new JobPosted(command.jobId(), command.clientId(), command.title(), command.description(), skills,
                command.site(), command.shift(), command.pay(), command.postedAt()));
        deadlines.schedule(command.shift().start(), EXPIRY);
    }

    @CommandHandler
    void handle(ApplyToJob command, WorkerStandings standings) {
        if (!status.acceptsApplications()) {
            throw JobRefused.notOpen(jobId, status);
        }
        if (shift.hasStartedAt(command.appliedAt())) {
            throw JobRefused.shiftStarted(jobId);
        }
        if (applicants.contains(command.workerId())) {
            throw JobRefused.alreadyApplied(jobId, command.workerId());
        }
        ApplicantStanding standing = standings.of(command.workerId());
        if (!standing.hasProfile()) {
            throw JobRefused.noProfile(command.workerId());
        }
        if (standing.suspended()) {
            throw JobRefused.suspended(command.workerId());
        }
        apply(new WorkerApplied(jobId, command.workerId(), command.note(), command.appliedAt()));
    }

    @CommandHandler
    void handle(WithdrawApplication command) {
        if (command.workerId().equals(hiredWorkerId)) {
            throw JobRefused.hiredCannotWithdraw(jobId);
        }
        if (!applicants.contains(command.workerId())) {
            throw JobRefused.notAnApplicant(jobId, command.workerId());
        }
        apply(new ApplicationWithdrawn(jobId, command.workerId()));
    }

    @CommandHandler
    void handle(HireWorker command) {
        requireClient(command.clientId());
        if (status == JobStatus.HIRED && command.workerId().equals(hiredWorkerId)) {
            return; // a repeated hire of the same worker changes nothing
        }
        if (status != JobStatus.OPEN) {
            throw JobRefused.notOpen(jobId, status);
        }
        if (!applicants.contains(command.workerId())) {
            throw JobRefused.notAnApplicant(jobId, command.workerId());
        }
        apply(new WorkerHired(jobId, command.workerId(), clientId, pay));
    }

    @CommandHandler
    void handle(CancelJob command) {
        requireClient(command.clientId());
        if (status == JobStatus.CANCELLED) {
            return;
        }
        if (status != JobStatus.OPEN && status != JobStatus.HIRED) {
            throw JobRefused.cannotCancel(jobId, status);
        }
        apply(new JobCancelled(jobId, command.clientId(), command.reason()));
    }

    @DeadlineHandler(deadlineName = EXPIRY)
    void expire() {
        if (status == JobStatus.OPEN) {
            apply(new JobExpired(jobId));
        }
    }

    private void requireClient(String actingClientId) {
        if (!clientId.equals(actingClientId)) {
            throw JobRefused.notTheClient(jobId);
        }
    }

    @EventSourcingHandler
    void on(JobPosted event) {
        jobId = event.jobId();
        clientId = event.clientId();
        shift = event.shift();
        pay = event.pay();
        status = JobStatus.OPEN;
    }

    @EventSourcingHandler
    void on(WorkerApplied event) {
        applicants.add(event.workerId());
    }

    @EventSourcingHandler
    void on(ApplicationWithdrawn event) {
        applicants.remove(event.workerId());
    }

    @EventSourcingHandler
    void on(WorkerHired event) {
        hiredWorkerId = event.workerId();
        status = JobStatus.HIRED;
    }

    @EventSourcingHandler
    void on(JobCancelled event) {
        status = JobStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(JobExpired event) {
        status = JobStatus.EXPIRED;
    }
}
