package dev.gigstream.command.job;

import dev.gigstream.command.rating.JobRatings;
import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.job.ApplicationWithdrawn;
import dev.gigstream.messages.job.HireLapsed;
import dev.gigstream.messages.job.JobCancelled;
import dev.gigstream.messages.job.JobCompleted;
import dev.gigstream.messages.job.JobDisputeSettled;
import dev.gigstream.messages.job.JobDisputeWithdrawn;
import dev.gigstream.messages.job.JobDisputed;
import dev.gigstream.messages.job.JobExpired;
import dev.gigstream.messages.job.JobFunded;
import dev.gigstream.messages.job.JobOfferWaveDue;
import dev.gigstream.messages.job.JobOffered;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.ShiftConfirmed;
import dev.gigstream.messages.job.WorkerApplied;
import dev.gigstream.messages.job.WorkerCheckedIn;
import dev.gigstream.messages.job.WorkerCheckedOut;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.messages.job.WorkerNoShow;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/**
 * What the {@link Job} knows, as its events say it, and the guards its parts share. The Job's commands
 * are decided by its parts, each a layer of the one aggregate ({@link JobApplications}, {@link JobAttendance},
 * {@link JobDisputes}, then {@link Job} itself): they share one status, so they share this state rather
 * than keep copies. Axon gathers the handlers of all layers; a snapshot holds these fields.
 */
abstract class JobState {

    @AggregateIdentifier
    JobId jobId;
    JobPosted posting;
    String clientId;
    String title;
    JobStatus status;
    ShiftWindow shift;
    Money pay;
    GeoPoint site;
    final Set<WorkerId> applicants = new HashSet<>();
    final JobOffers offers = new JobOffers();
    WorkerId hiredWorkerId;
    EscrowId escrowId;
    boolean confirmed;
    DisputeId disputeId;
    /** Every dispute opened on the job, by its id: a retried opening is told from another complaint. */
    final Map<String, JobDisputed> disputes = new HashMap<>();
    JobStatus statusBeforeDispute;
    Instant finishedAt;

    void requireNotDisputed() {
        if (status == JobStatus.DISPUTED) {
            throw JobRefused.disputed(jobId, disputeId);
        }
    }

    void requireHiredWorker(WorkerId workerId) {
        if (!workerId.equals(hiredWorkerId)) {
            throw JobRefused.notTheHiredWorker(jobId);
        }
    }

    void requireClient(String actingClientId) {
        if (!clientId.equals(actingClientId)) {
            throw JobRefused.notTheClient(jobId);
        }
    }

    /**
     * The job finished (its status and {@code finishedAt} as the event just applied set them): its parties
     * may rate each other, the client alone a no-show.
     */
    void openRatings() throws Exception {
        createNew(JobRatings.class, () -> JobRatings.open(jobId, clientId, hiredWorkerId, status, finishedAt));
    }

    @EventSourcingHandler
    void on(JobPosted event) {
        jobId = event.jobId();
        posting = event;
        clientId = event.clientId();
        title = event.title();
        shift = event.shift();
        pay = event.pay();
        site = event.site().point();
        status = JobStatus.OPEN;
    }

    @EventSourcingHandler
    void on(WorkerApplied event) {
        applicants.add(event.workerId());
    }

    @EventSourcingHandler
    void on(JobOffered event) {
        offers.on(event);
    }

    @EventSourcingHandler
    void on(JobOfferWaveDue event) {
        offers.on(event);
    }

    @EventSourcingHandler
    void on(ApplicationWithdrawn event) {
        applicants.remove(event.workerId());
    }

    @EventSourcingHandler
    void on(WorkerHired event) {
        hiredWorkerId = event.workerId();
        escrowId = event.escrowId();
        status = JobStatus.HIRED;
    }

    @EventSourcingHandler
    void on(JobFunded event) {
        status = JobStatus.FUNDED;
    }

    @EventSourcingHandler
    void on(HireLapsed event) {
        hiredWorkerId = null;
        escrowId = null;
        status = JobStatus.OPEN;
    }

    @EventSourcingHandler
    void on(WorkerCheckedIn event) {
        status = JobStatus.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(WorkerCheckedOut event) {
        status = JobStatus.AWAITING_CONFIRMATION;
    }

    @EventSourcingHandler
    void on(ShiftConfirmed event) {
        confirmed = true;
    }

    @EventSourcingHandler
    void on(WorkerNoShow event, @Timestamp Instant at) {
        status = JobStatus.NO_SHOW;
        finishedAt = at;
    }

    @EventSourcingHandler
    void on(JobCompleted event, @Timestamp Instant at) {
        status = JobStatus.COMPLETED;
        finishedAt = at;
    }

    @EventSourcingHandler
    void on(JobCancelled event) {
        status = JobStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(JobDisputed event) {
        disputes.put(event.disputeId().value(), event);
        disputeId = event.disputeId();
        statusBeforeDispute = status;
        status = JobStatus.DISPUTED;
    }

    @EventSourcingHandler
    void on(JobDisputeWithdrawn event) {
        status = event.resumedStatus();
    }

    @EventSourcingHandler
    void on(JobDisputeSettled event, @Timestamp Instant at) {
        status = event.status();
        finishedAt = at;
    }

    @EventSourcingHandler
    void on(JobExpired event) {
        status = JobStatus.EXPIRED;
    }
}
