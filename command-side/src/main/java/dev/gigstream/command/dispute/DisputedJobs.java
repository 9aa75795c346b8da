package dev.gigstream.command.dispute;

import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.dispute.DisputeOutcome;
import dev.gigstream.messages.dispute.DisputeParty;

/**
 * The port through which a dispute changes the job it is about, in the same unit of work: at most
 * one dispute is open per job, decided by the Job aggregate itself and not a read model.
 */
public interface DisputedJobs {

    /** Marks the job disputed, or refuses (not a party, not disputable, already disputed). */
    DisputedJob open(String jobId, String disputeId, String openedBy);

    void withdraw(String jobId, String disputeId);

    void settle(String jobId, String disputeId, DisputeOutcome outcome);

    /** Whether the escrow waits for Paystack to resolve a chargeback on the money it holds (the escrow decides). */
    boolean chargebackOpen(String escrowId);

    /** The parties and the money of a disputed job; {@code held} is what its escrow holds. */
    record DisputedJob(String clientId, String workerId, String escrowId, DisputeParty openerRole, Money pay, Money held) {
    }
}
