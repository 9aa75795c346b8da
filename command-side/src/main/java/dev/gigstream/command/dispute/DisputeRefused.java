package dev.gigstream.command.dispute;

import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.messages.dispute.DisputeStatus;
import dev.gigstream.messages.job.JobStatus;

import static dev.gigstream.messages.dispute.DisputeErrorCode.CHARGEBACK_OPEN;
import static dev.gigstream.messages.dispute.DisputeErrorCode.DISPUTE_ALREADY_OPEN;
import static dev.gigstream.messages.dispute.DisputeErrorCode.DISPUTE_CLOSED;
import static dev.gigstream.messages.dispute.DisputeErrorCode.DISPUTE_ID_TAKEN;
import static dev.gigstream.messages.dispute.DisputeErrorCode.EVIDENCE_ID_TAKEN;
import static dev.gigstream.messages.dispute.DisputeErrorCode.INVALID_DISPUTE;
import static dev.gigstream.messages.dispute.DisputeErrorCode.INVALID_EVIDENCE;
import static dev.gigstream.messages.dispute.DisputeErrorCode.INVALID_WORKER_SHARE;
import static dev.gigstream.messages.dispute.DisputeErrorCode.JOB_NOT_DISPUTABLE;
import static dev.gigstream.messages.dispute.DisputeErrorCode.NOT_A_PARTY;
import static dev.gigstream.messages.dispute.DisputeErrorCode.NOT_THE_OPENER;
import static dev.gigstream.messages.dispute.DisputeErrorCode.TOO_MUCH_EVIDENCE;

/** The reasons a dispute (or the job it is about) refuses a command, each with its stable error code. */
public final class DisputeRefused {

    private DisputeRefused() {
    }

    public static RefusedException idTaken(DisputeId disputeId) {
        return new RefusedException(DISPUTE_ID_TAKEN, "Dispute " + disputeId + " was opened already, about another job,"
                + " by another party or with another complaint; a new dispute needs a new id");
    }

    static RefusedException evidenceIdTaken(DisputeId disputeId, String evidenceId) {
        return new RefusedException(EVIDENCE_ID_TAKEN, "Dispute " + disputeId + " holds evidence " + evidenceId
                + " from another party or with another text already; new evidence needs a new id");
    }

    static RefusedException invalid(String why) {
        return new RefusedException(INVALID_DISPUTE, why);
    }

    static RefusedException invalidEvidence(String why) {
        return new RefusedException(INVALID_EVIDENCE, why);
    }

    static RefusedException tooMuchEvidence(DisputeId disputeId, int max) {
        return new RefusedException(TOO_MUCH_EVIDENCE, "Dispute " + disputeId + " takes at most " + max
                + " pieces of evidence from each party");
    }

    public static RefusedException notAParty(JobId jobId) {
        return new RefusedException(NOT_A_PARTY, "Only the client and the hired worker of job " + jobId
                + " take part in its dispute");
    }

    static RefusedException chargebackOpen(DisputeId disputeId, EscrowId escrowId) {
        return new RefusedException(CHARGEBACK_OPEN, "Dispute " + disputeId + " is decided once Paystack resolved the"
                + " chargeback on escrow " + escrowId + ": until then the card network may take the money back");
    }

    static RefusedException notTheOpener(DisputeId disputeId) {
        return new RefusedException(NOT_THE_OPENER, "Only the party that opened dispute " + disputeId + " may withdraw it");
    }

    public static RefusedException notDisputable(JobId jobId, JobStatus status) {
        return new RefusedException(JOB_NOT_DISPUTABLE, "Job " + jobId + " is " + status
                + ": a dispute is opened after funding and before the release");
    }

    public static RefusedException alreadyOpen(JobId jobId, DisputeId disputeId) {
        return new RefusedException(DISPUTE_ALREADY_OPEN, "Job " + jobId + " already has dispute " + disputeId + " open");
    }

    static RefusedException closed(DisputeId disputeId, DisputeStatus status) {
        return new RefusedException(DISPUTE_CLOSED, "Dispute " + disputeId + " is " + status + ", not OPEN");
    }

    static RefusedException invalidShare(DisputeId disputeId, Money pay) {
        return new RefusedException(INVALID_WORKER_SHARE, "Dispute " + disputeId + ": a split gives the worker more than 0 and less than "
                + pay.amount() + " " + pay.currency() + "; only a split has a worker share");
    }
}
