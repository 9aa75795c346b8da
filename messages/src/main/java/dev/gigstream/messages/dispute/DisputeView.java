package dev.gigstream.messages.dispute;

import dev.gigstream.messages.common.Money;

import java.time.Instant;
import java.util.List;

/** {@code pay} and {@code held} are what is at stake: the job's pay and what its escrow holds (pay plus fee). */
public record DisputeView(String disputeId,
                          String jobId,
                          String escrowId,
                          String clientId,
                          String workerId,
                          DisputeStatus status,
                          String openedBy,
                          DisputeParty openerRole,
                          String reason,
                          String details,
                          Money pay,
                          Money held,
                          Instant openedAt,
                          Instant respondBy,
                          boolean overdue,
                          List<Evidence> evidence,
                          Outcome outcome) {

    public record Evidence(String by, DisputeParty party, String text, Instant at) {
    }

    /** Set once resolved. */
    public record Outcome(DisputeOutcome type, Money workerShare, Money clientRefund, String note, String resolvedBy,
                          Instant at) {
    }
}
