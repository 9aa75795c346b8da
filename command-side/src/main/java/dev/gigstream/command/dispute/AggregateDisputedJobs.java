package dev.gigstream.command.dispute;

import dev.gigstream.command.escrow.EscrowPayment;
import dev.gigstream.command.job.Job;
import dev.gigstream.messages.dispute.DisputeOutcome;
import org.axonframework.modelling.command.Repository;

/**
 * Changes the Job aggregate itself inside the dispute's unit of work, so the job's DISPUTED mark and
 * the dispute's events are stored together or not at all; reads what the escrow holds likewise.
 */
public class AggregateDisputedJobs implements DisputedJobs {

    private final Repository<Job> jobs;
    private final Repository<EscrowPayment> escrows;

    public AggregateDisputedJobs(Repository<Job> jobs, Repository<EscrowPayment> escrows) {
        this.jobs = jobs;
        this.escrows = escrows;
    }

    @Override
    public DisputedJob open(String jobId, String disputeId, String openedBy) {
        DisputedJob job = jobs.load(jobId).invoke(j -> j.openDispute(disputeId, openedBy));
        return new DisputedJob(job.clientId(), job.workerId(), job.escrowId(), job.openerRole(), job.pay(),
                escrows.load(job.escrowId()).invoke(EscrowPayment::held));
    }

    @Override
    public void withdraw(String jobId, String disputeId) {
        jobs.load(jobId).execute(job -> job.withdrawDispute(disputeId));
    }

    @Override
    public boolean chargebackOpen(String escrowId) {
        return escrows.load(escrowId).invoke(EscrowPayment::chargebackOpen);
    }

    @Override
    public void settle(String jobId, String disputeId, DisputeOutcome outcome) {
        jobs.load(jobId).execute(job -> job.settleDispute(disputeId, outcome));
    }
}
