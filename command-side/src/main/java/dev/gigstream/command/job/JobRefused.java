package dev.gigstream.command.job;

import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.job.JobErrorCode;
import dev.gigstream.messages.job.JobStatus;

import java.time.Duration;

import static dev.gigstream.messages.job.JobErrorCode.ALREADY_APPLIED;
import static dev.gigstream.messages.job.JobErrorCode.CLIENT_SUSPENDED;
import static dev.gigstream.messages.job.JobErrorCode.HIRED_WORKER_CANNOT_WITHDRAW;
import static dev.gigstream.messages.job.JobErrorCode.INVALID_PAY;
import static dev.gigstream.messages.job.JobErrorCode.INVALID_SHIFT;
import static dev.gigstream.messages.job.JobErrorCode.INVALID_SKILL;
import static dev.gigstream.messages.job.JobErrorCode.JOB_CANNOT_BE_CANCELLED;
import static dev.gigstream.messages.job.JobErrorCode.JOB_ID_TAKEN;
import static dev.gigstream.messages.job.JobErrorCode.JOB_NOT_OPEN;
import static dev.gigstream.messages.job.JobErrorCode.NOT_AN_APPLICANT;
import static dev.gigstream.messages.job.JobErrorCode.NOT_THE_JOBS_CLIENT;
import static dev.gigstream.messages.job.JobErrorCode.NO_REQUIRED_SKILLS;
import static dev.gigstream.messages.job.JobErrorCode.SHIFT_ALREADY_STARTED;
import static dev.gigstream.messages.job.JobErrorCode.SHIFT_IN_THE_PAST;
import static dev.gigstream.messages.job.JobErrorCode.WORKER_HAS_NO_PROFILE;
import static dev.gigstream.messages.job.JobErrorCode.WORKER_SUSPENDED;

/** The reasons a job refuses a command, each with its stable error code and the state it was in. */
final class JobRefused {

    private JobRefused() {
    }

    static RefusedException idTaken(JobId jobId) {
        return new RefusedException(JOB_ID_TAKEN, "Job " + jobId + " was posted already, by another client or with other"
                + " content; a new posting needs a new id");
    }

    static RefusedException shiftInThePast(JobId jobId) {
        return new RefusedException(SHIFT_IN_THE_PAST, "Job " + jobId + ": the shift must start in the future");
    }

    static RefusedException shiftTooLong(JobId jobId, Duration max) {
        return new RefusedException(INVALID_SHIFT, "Job " + jobId + ": a shift lasts at most " + max.toHours() + " hours");
    }

    static RefusedException shiftTooFarAhead(JobId jobId, int days) {
        return new RefusedException(INVALID_SHIFT, "Job " + jobId + ": a shift starts at most " + days + " days ahead");
    }

    static RefusedException payTooLarge(JobId jobId, long max) {
        return new RefusedException(INVALID_PAY, "Job " + jobId + ": the pay is at most " + max + " minor units");
    }

    static RefusedException payNotPositive(JobId jobId) {
        return new RefusedException(INVALID_PAY, "Job " + jobId + ": the pay must be more than zero");
    }

    static RefusedException invalidSkill(JobId jobId, String why) {
        return new RefusedException(INVALID_SKILL, "Job " + jobId + " requires an invalid skill: " + why);
    }

    static RefusedException requiredSkillCount(JobId jobId, int max) {
        return new RefusedException(NO_REQUIRED_SKILLS, "Job " + jobId + " must require 1 to " + max + " skills");
    }

    static RefusedException disputed(JobId jobId, DisputeId disputeId) {
        return new RefusedException(JobErrorCode.JOB_DISPUTED, "Job " + jobId + " is DISPUTED (dispute " + disputeId
                + "): nothing moves until it is withdrawn or an admin resolves it");
    }

    static RefusedException notOpen(JobId jobId, JobStatus status) {
        return new RefusedException(JOB_NOT_OPEN, "Job " + jobId + " is " + status + ", not OPEN");
    }

    static RefusedException shiftStarted(JobId jobId) {
        return new RefusedException(SHIFT_ALREADY_STARTED, "The shift of job " + jobId + " has already started");
    }

    static RefusedException alreadyApplied(JobId jobId, WorkerId workerId) {
        return new RefusedException(ALREADY_APPLIED, "Worker " + workerId + " has already applied to job " + jobId);
    }

    static RefusedException noProfile(WorkerId workerId) {
        return new RefusedException(WORKER_HAS_NO_PROFILE,
                "Worker " + workerId + " must complete their profile before applying");
    }

    static RefusedException suspended(WorkerId workerId) {
        return new RefusedException(WORKER_SUSPENDED, "Worker " + workerId + " is suspended and cannot apply");
    }

    static RefusedException clientSuspended(String clientId) {
        return new RefusedException(CLIENT_SUSPENDED, "Client " + clientId + " is suspended and cannot post or hire");
    }

    static RefusedException notAnApplicant(JobId jobId, WorkerId workerId) {
        return new RefusedException(NOT_AN_APPLICANT, "Worker " + workerId + " has not applied to job " + jobId);
    }

    static RefusedException hiredCannotWithdraw(JobId jobId) {
        return new RefusedException(HIRED_WORKER_CANNOT_WITHDRAW,
                "The worker hired for job " + jobId + " cannot withdraw their application");
    }

    static RefusedException notTheClient(JobId jobId) {
        return new RefusedException(NOT_THE_JOBS_CLIENT, "Only the client who posted job " + jobId + " may do this");
    }

    static RefusedException notTheHiredWorker(JobId jobId) {
        return new RefusedException(JobErrorCode.NOT_THE_HIRED_WORKER, "Only the worker hired for job " + jobId + " may do this");
    }

    static RefusedException notFunded(JobId jobId, JobStatus status) {
        return new RefusedException(JobErrorCode.JOB_NOT_FUNDED, "Job " + jobId + " is " + status + ", not FUNDED");
    }

    static RefusedException outsideGeofence(JobId jobId, double meters, double allowed) {
        return new RefusedException(JobErrorCode.OUTSIDE_GEOFENCE, "You are " + Math.round(meters) + " m from the site of job "
                + jobId + "; check in within " + Math.round(allowed) + " m");
    }

    static RefusedException outsideCheckInWindow(JobId jobId) {
        return new RefusedException(JobErrorCode.OUTSIDE_CHECK_IN_WINDOW,
                "Check-in for job " + jobId + " opens an hour before the shift starts and closes when it ends");
    }

    static RefusedException notCheckedIn(JobId jobId, JobStatus status) {
        return new RefusedException(JobErrorCode.NOT_CHECKED_IN, "Job " + jobId + " is " + status + ": check in first");
    }

    static RefusedException notCheckedOut(JobId jobId, JobStatus status) {
        return new RefusedException(JobErrorCode.NOT_CHECKED_OUT,
                "Job " + jobId + " is " + status + ": the worker has not checked out yet");
    }

    static RefusedException noShowTooEarly(JobId jobId, Duration grace) {
        return new RefusedException(JobErrorCode.NO_SHOW_TOO_EARLY, "A no-show for job " + jobId + " can be reported "
                + grace.toMinutes() + " minutes after the shift starts");
    }

    static RefusedException workerCheckedIn(JobId jobId) {
        return new RefusedException(JobErrorCode.WORKER_CHECKED_IN, "The worker checked in for job " + jobId);
    }

    static RefusedException cannotCancel(JobId jobId, JobStatus status) {
        return new RefusedException(JOB_CANNOT_BE_CANCELLED, "Job " + jobId + " is " + status + " and cannot be cancelled");
    }

    static RefusedException offerWaveNotDue(JobId jobId, int wave, int dueWave) {
        return new RefusedException(JobErrorCode.OFFER_WAVE_NOT_DUE, "Job " + jobId + ": offer wave " + wave
                + " is not due yet (" + (dueWave <= 1 ? "only the first is" : "waves up to " + dueWave + " are") + ")");
    }
}
