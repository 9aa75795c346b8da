package dev.gigstream.command.dispute;

import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.messages.dispute.DisputeOutcome;
import dev.gigstream.messages.dispute.DisputeParty;

import java.util.ArrayList;
import java.util.List;

import static dev.gigstream.command.dispute.DisputeMother.CLIENT_ID;
import static dev.gigstream.command.dispute.DisputeMother.ESCROW_ID;
import static dev.gigstream.command.dispute.DisputeMother.HELD;
import static dev.gigstream.command.dispute.DisputeMother.PAY;
import static dev.gigstream.command.dispute.DisputeMother.WORKER_ID;

/**
 * The job side of a dispute for Dispute specifications: answers as a funded job of the mother's
 * parties would, or refuses as told, and records what the dispute asked of the job. The Job's own
 * rules are specified against the real aggregate in {@link AggregateDisputedJobsTest}.
 */
final class RecordingJobs implements DisputedJobs {

    final List<String> calls = new ArrayList<>();
    private RefusedException refusal;

    private boolean chargebackOpen;

    void chargebackOpen(boolean open) {
        chargebackOpen = open;
    }

    @Override
    public boolean chargebackOpen(String escrowId) {
        return chargebackOpen;
    }

    RecordingJobs refusing(RefusedException refusal) {
        this.refusal = refusal;
        return this;
    }

    @Override
    public DisputedJob open(String jobId, String disputeId, String openedBy) {
        if (refusal != null) {
            throw refusal;
        }
        calls.add("open " + disputeId);
        return new DisputedJob(CLIENT_ID, WORKER_ID, ESCROW_ID,
                openedBy.equals(CLIENT_ID) ? DisputeParty.CLIENT : DisputeParty.WORKER, PAY, HELD);
    }

    @Override
    public void withdraw(String jobId, String disputeId) {
        calls.add("withdraw " + disputeId);
    }

    @Override
    public void settle(String jobId, String disputeId, DisputeOutcome outcome) {
        calls.add("settle " + disputeId + " " + outcome);
    }
}
