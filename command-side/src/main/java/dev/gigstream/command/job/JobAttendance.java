package dev.gigstream.command.job;

import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.job.CheckIn;
import dev.gigstream.messages.job.CheckOut;
import dev.gigstream.messages.job.CheckOutAutomatically;
import dev.gigstream.messages.job.ConfirmShift;
import dev.gigstream.messages.job.JobFunded;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.ReportNoShow;
import dev.gigstream.messages.job.ShiftConfirmed;
import dev.gigstream.messages.job.WorkerCheckedIn;
import dev.gigstream.messages.job.WorkerCheckedOut;
import dev.gigstream.messages.job.WorkerNoShow;
import org.axonframework.commandhandling.CommandHandler;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The funded shift, a part of the {@link Job}: the hired worker checks in and out at the site (the
 * geofence and window of {@link AttendancePolicy}), the platform checks out a worker who forgot, the
 * client confirms or reports a no-show.
 */
abstract class JobAttendance extends JobApplications {

    /**
     * The Job hears of its funding from the lifecycle, a moment after the escrow stores it: a check-in in
     * that moment finds the escrow funded ({@link EscrowFunding}) and records the funding itself first, so
     * the lifecycle's {@code MarkJobFunded} then finds the job funded already and changes nothing.
     */
    @CommandHandler
    void handle(CheckIn command, EscrowFunding escrows) {
        requireHiredWorker(command.workerId());
        if (status == JobStatus.IN_PROGRESS) {
            return;
        }
        requireNotDisputed();
        boolean fundedJustNow = status == JobStatus.HIRED && escrows.funded(escrowId);
        if (status != JobStatus.FUNDED && !fundedJustNow) {
            throw JobRefused.notFunded(jobId, status);
        }
        double meters = AttendancePolicy.metersBetween(site, command.location());
        if (!AttendancePolicy.withinGeofence(meters)) {
            throw JobRefused.outsideGeofence(jobId, meters, AttendancePolicy.GEOFENCE_METERS);
        }
        if (!AttendancePolicy.mayCheckIn(shift, command.at())) {
            throw JobRefused.outsideCheckInWindow(jobId);
        }
        if (fundedJustNow) {
            apply(new JobFunded(jobId, escrowId, hiredWorkerId));
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
}
