package dev.gigstream.command.job;

import dev.gigstream.command.dispute.Dispute;
import dev.gigstream.command.dispute.DisputePolicy;
import dev.gigstream.command.dispute.DisputeRefused;
import dev.gigstream.command.dispute.DisputedJob;
import dev.gigstream.command.dispute.EscrowHoldings;
import dev.gigstream.command.dispute.KnownDisputes;
import dev.gigstream.command.rating.JobRatings;
import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.dispute.DisputeOutcome;
import dev.gigstream.messages.dispute.OpenDispute;
import dev.gigstream.messages.job.ApplicationWithdrawn;
import dev.gigstream.messages.job.ApplyToJob;
import dev.gigstream.messages.job.CancelJob;
import dev.gigstream.messages.job.CheckIn;
import dev.gigstream.messages.job.CheckOut;
import dev.gigstream.messages.job.CheckOutAutomatically;
import dev.gigstream.messages.job.CompleteJob;
import dev.gigstream.messages.job.ConfirmShift;
import dev.gigstream.messages.job.ExpireJob;
import dev.gigstream.messages.job.HireLapsed;
import dev.gigstream.messages.job.HireWorker;
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
import dev.gigstream.messages.job.LapseHire;
import dev.gigstream.messages.job.MarkJobFunded;
import dev.gigstream.messages.job.OfferJob;
import dev.gigstream.messages.job.PostJob;
import dev.gigstream.messages.job.ReportNoShow;
import dev.gigstream.messages.job.SettleJobDispute;
import dev.gigstream.messages.job.ShiftConfirmed;
import dev.gigstream.messages.job.WithdrawApplication;
import dev.gigstream.messages.job.WithdrawJobDispute;
import dev.gigstream.messages.job.WorkerApplied;
import dev.gigstream.messages.job.WorkerCheckedIn;
import dev.gigstream.messages.job.WorkerCheckedOut;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.messages.job.WorkerNoShow;
import dev.gigstream.messages.worker.ApplicantStanding;
import dev.gigstream.messages.worker.Skills;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/**
 * A shift a client posts, from posting to payment: who applied, who was hired, whether the escrow
 * is funded, attendance, confirmation and completion. An open job that nobody was hired for expires
 * when its shift starts. While it is open, the matching policy offers it to the best fitting workers in
 * waves ({@link JobOffers}: nobody twice). The rules that will evolve sit in {@link JobPostingPolicy},
 * {@link AttendancePolicy} and {@link CancellationPolicy}.
 * <p>
 * Snapshotted as its fields: raise the {@code @Revision} whenever a field (or a member's) changes, so
 * that older snapshots are passed over rather than misread (docs/architecture.md).
 */
@Aggregate(snapshotTriggerDefinition = "jobSnapshots")
@Revision("2")
public class Job {

    static final String EXPIRY = "job-expiry";
    static final String OFFER_WAVE = "job-offer-wave";

    @AggregateIdentifier
    private JobId jobId;
    private JobPosted posting;
    private String clientId;
    private String title;
    private JobStatus status;
    private ShiftWindow shift;
    private Money pay;
    private GeoPoint site;
    private final Set<WorkerId> applicants = new HashSet<>();
    private final JobOffers offers = new JobOffers();
    private WorkerId hiredWorkerId;
    private EscrowId escrowId;
    private boolean confirmed;
    private DisputeId disputeId;
    /** Every dispute opened on the job, by its id: a retried opening is told from another complaint. */
    private final Map<String, JobDisputed> disputes = new HashMap<>();
    private JobStatus statusBeforeDispute;
    private Instant finishedAt;

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

    /**
     * Offers the open job to the workers of one wave, each once, and schedules the next wave's deadline
     * for when the command says it is due (none after the last wave). Like the expiry, that deadline is
     * not cancelled: it only acts on a job still open, and only once per wave.
     */
    @CommandHandler
    void handle(OfferJob command, DeadlineManager deadlines) {
        if (status != JobStatus.OPEN || offers.recorded(command.wave())) {
            return; // taken meanwhile, so offered to nobody; or this wave was sent again, which changes nothing
        }
        if (!offers.due(command.wave())) {
            throw JobRefused.offerWaveNotDue(jobId, command.wave(), offers.dueWave());
        }
        for (OfferJob.Offer offer : offers.fresh(command.offers(), applicants)) {
            apply(new JobOffered(jobId, offer.workerId(), offer.rank(), command.offeredAt(), offer.expiresAt(),
                    command.wave(), offer.distanceKm(), title, pay));
        }
        if (command.nextWaveAt() != null) {
            deadlines.schedule(command.nextWaveAt(), OFFER_WAVE, command.wave() + 1);
        }
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
    void handle(CheckIn command) {
        requireHiredWorker(command.workerId());
        if (status == JobStatus.IN_PROGRESS) {
            return;
        }
        requireNotDisputed();
        if (status != JobStatus.FUNDED) {
            throw JobRefused.notFunded(jobId, status);
        }
        double meters = AttendancePolicy.metersBetween(site, command.location());
        if (!AttendancePolicy.withinGeofence(meters)) {
            throw JobRefused.outsideGeofence(jobId, meters, AttendancePolicy.GEOFENCE_METERS);
        }
        if (!AttendancePolicy.mayCheckIn(shift, command.at())) {
            throw JobRefused.outsideCheckInWindow(jobId);
        }
        apply(new WorkerCheckedIn(jobId, command.workerId(), command.location(), meters, command.at(), shift));
    }

    @CommandHandler
    void handle(CheckOut command) {
        requireHiredWorker(command.workerId());
        if (status == JobStatus.AWAITING_CONFIRMATION) {
            return;
        }
        requireNotDisputed();
        if (status != JobStatus.IN_PROGRESS) {
            throw JobRefused.notCheckedIn(jobId, status);
        }
        double meters = AttendancePolicy.metersBetween(site, command.location());
        if (!AttendancePolicy.withinGeofence(meters)) {
            throw JobRefused.outsideGeofence(jobId, meters, AttendancePolicy.GEOFENCE_METERS);
        }
        apply(new WorkerCheckedOut(jobId, command.workerId(), command.location(), meters, command.at(), false));
    }

    /** The worker never checked out: once the shift end and its grace period have passed, the platform does. */
    @CommandHandler
    void handle(CheckOutAutomatically command) {
        if (status == JobStatus.IN_PROGRESS) {
            apply(new WorkerCheckedOut(jobId, hiredWorkerId, null, 0, command.at(), true));
        }
    }

    /** The client confirms (or the confirmation window runs out): the escrow is released. Once. */
    @CommandHandler
    void handle(ConfirmShift command) {
        if (!command.automatic()) {
            requireClient(command.clientId());
        }
        if (confirmed) {
            return;
        }
        requireNotDisputed();
        if (status != JobStatus.AWAITING_CONFIRMATION) {
            throw JobRefused.notCheckedOut(jobId, status);
        }
        apply(new ShiftConfirmed(jobId, escrowId, hiredWorkerId, command.automatic()));
    }

    @CommandHandler
    void handle(ReportNoShow command) throws Exception {
        requireClient(command.clientId());
        if (status == JobStatus.NO_SHOW) {
            return;
        }
        requireNotDisputed();
        if (status == JobStatus.IN_PROGRESS || status == JobStatus.AWAITING_CONFIRMATION) {
            throw JobRefused.workerCheckedIn(jobId);
        }
        if (status != JobStatus.FUNDED) {
            throw JobRefused.notFunded(jobId, status);
        }
        if (!AttendancePolicy.mayReportNoShow(shift, command.at())) {
            throw JobRefused.noShowTooEarly(jobId, AttendancePolicy.NO_SHOW_GRACE);
        }
        apply(new WorkerNoShow(jobId, hiredWorkerId, escrowId, new Money(0, pay.currency())));
        openRatings();
    }

    @CommandHandler
    void handle(CompleteJob command) throws Exception {
        if (status == JobStatus.AWAITING_CONFIRMATION && confirmed) {
            apply(new JobCompleted(jobId, hiredWorkerId));
            openRatings();
        }
    }

    /**
     * The job finished (its status and {@code finishedAt} as the event just applied set them): its parties
     * may rate each other, the client alone a no-show.
     */
    private void openRatings() throws Exception {
        createNew(JobRatings.class, () -> JobRatings.open(jobId, clientId, hiredWorkerId, status, finishedAt));
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

    /**
     * A party opens a dispute between funding and the release: the job decides whether it may (a party,
     * a disputable job, none open) and starts the {@link Dispute}; the job is DISPUTED until the dispute is
     * withdrawn or settled. The dispute's id comes from the request's Idempotency-Key (or the chargeback),
     * so a retry whose first answer was lost finds it opened already, whatever became of it since.
     */
    @CommandHandler
    void handle(OpenDispute command, KnownDisputes knownDisputes, EscrowHoldings escrows, DisputePolicy policy)
            throws Exception {
        JobDisputed opened = disputes.get(command.disputeId().value());
        if (opened != null && !sameComplaint(opened, command)) {
            throw DisputeRefused.idTaken(command.disputeId());
        }
        if (opened != null) {
            return;
        }
        if (knownDisputes.jobOf(command.disputeId()).isPresent()) {
            throw DisputeRefused.idTaken(command.disputeId()); // a dispute of another job
        }
        DisputePolicy.checkComplaint(command.reason(), command.details());
        if (!command.openedBy().equals(clientId) && (hiredWorkerId == null || !command.openedBy().equals(hiredWorkerId.value()))) {
            throw DisputeRefused.notAParty(jobId);
        }
        if (status == JobStatus.DISPUTED) {
            throw DisputeRefused.alreadyOpen(jobId, disputeId);
        }
        if (!status.isBetweenFundingAndRelease() || confirmed) {
            throw DisputeRefused.notDisputable(jobId, status);
        }
        apply(new JobDisputed(jobId, command.disputeId(), escrowId, command.openedBy(), command.reason().strip(),
                command.details().strip()));
        DisputedJob disputed = new DisputedJob(jobId, escrowId, clientId, hiredWorkerId, pay);
        createNew(Dispute.class, () -> Dispute.open(command, disputed, escrows, policy));
    }

    /** The same opener with the same complaint; of a dispute opened before the job kept complaints, the same opener. */
    private static boolean sameComplaint(JobDisputed opened, OpenDispute command) {
        return opened.openedBy().equals(command.openedBy())
                && (opened.reason() == null || opened.reason().equals(stripped(command.reason()))
                && opened.details().equals(stripped(command.details())));
    }

    private static String stripped(String text) {
        return text == null ? null : text.strip();
    }

    /** The opener withdrew the dispute: the job goes back to where it was. */
    @CommandHandler
    void handle(WithdrawJobDispute command) {
        if (status == JobStatus.DISPUTED && command.disputeId().equals(disputeId)) {
            apply(new JobDisputeWithdrawn(jobId, disputeId, statusBeforeDispute));
        }
    }

    /** The worker was paid, whole or in part: the job is done; a full refund cancels it. */
    @CommandHandler
    void handle(SettleJobDispute command) throws Exception {
        if (status == JobStatus.DISPUTED && command.disputeId().equals(disputeId)) {
            apply(new JobDisputeSettled(jobId, disputeId, clientId, hiredWorkerId, command.outcome(),
                    command.outcome() == DisputeOutcome.REFUND_TO_CLIENT ? JobStatus.CANCELLED : JobStatus.COMPLETED));
            if (status == JobStatus.COMPLETED) {
                openRatings();
            }
        }
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

    /** The next wave's delay has passed: due once, and only while nobody is hired. */
    @DeadlineHandler(deadlineName = OFFER_WAVE)
    void offerWaveDue(Integer wave) {
        if (status == JobStatus.OPEN && !offers.due(wave)) {
            apply(new JobOfferWaveDue(jobId, wave, offers.workers()));
        }
    }

    private void requireNotDisputed() {
        if (status == JobStatus.DISPUTED) {
            throw JobRefused.disputed(jobId, disputeId);
        }
    }

    private void requireHiredWorker(WorkerId workerId) {
        if (!workerId.equals(hiredWorkerId)) {
            throw JobRefused.notTheHiredWorker(jobId);
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
