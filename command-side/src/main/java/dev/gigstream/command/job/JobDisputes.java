package dev.gigstream.command.job;

import dev.gigstream.command.dispute.Dispute;
import dev.gigstream.command.dispute.DisputePolicy;
import dev.gigstream.command.dispute.DisputeRefused;
import dev.gigstream.command.dispute.DisputedJob;
import dev.gigstream.command.dispute.EscrowHoldings;
import dev.gigstream.command.dispute.KnownDisputes;
import dev.gigstream.messages.dispute.DisputeOutcome;
import dev.gigstream.messages.dispute.OpenDispute;
import dev.gigstream.messages.job.JobDisputeSettled;
import dev.gigstream.messages.job.JobDisputeWithdrawn;
import dev.gigstream.messages.job.JobDisputed;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.SettleJobDispute;
import dev.gigstream.messages.job.WithdrawJobDispute;
import org.axonframework.commandhandling.CommandHandler;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/**
 * The job's disputes, a part of the {@link Job}: whether a party may open one, which starts the
 * {@link Dispute}; the job is DISPUTED until the dispute is withdrawn or settled.
 */
abstract class JobDisputes extends JobAttendance {

    /**
     * A party opens a dispute between funding and the release: the job decides whether it may (a party,
     * a disputable job, none open) and starts the {@link Dispute}. The dispute's id comes from the request's
     * Idempotency-Key (or the chargeback), so a retry whose first answer was lost finds it opened already,
     * whatever became of it since.
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
}
