package dev.gigstream.command.job;

import dev.gigstream.messages.job.ApplicationWithdrawn;
import dev.gigstream.messages.job.ApplyToJob;
import dev.gigstream.messages.job.JobOfferWaveDue;
import dev.gigstream.messages.job.JobOffered;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.OfferJob;
import dev.gigstream.messages.job.WithdrawApplication;
import dev.gigstream.messages.job.WorkerApplied;
import dev.gigstream.messages.worker.ApplicantStanding;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The open job's applicants and offers, a part of the {@link Job}: who may apply and withdraw, and the
 * matching policy's waves of offers to the best fitting workers ({@link JobOffers}: nobody twice).
 */
abstract class JobApplications extends JobState {

    static final String OFFER_WAVE = "job-offer-wave";

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

    /** The next wave's delay has passed: due once, and only while nobody is hired. */
    @DeadlineHandler(deadlineName = OFFER_WAVE)
    void offerWaveDue(Integer wave) {
        if (status == JobStatus.OPEN && !offers.due(wave)) {
            apply(new JobOfferWaveDue(jobId, wave, offers.workers()));
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
}
