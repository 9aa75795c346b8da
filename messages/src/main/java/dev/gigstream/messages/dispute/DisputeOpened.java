package dev.gigstream.messages.dispute;

import dev.gigstream.messages.common.Money;

import java.time.Instant;

/**
 * The escrow of the job is frozen from here until the dispute is withdrawn or resolved.
 * {@code held} is what the escrow holds (the pay plus the service fee); the other party has until
 * {@code respondBy} to answer.
 */
public record DisputeOpened(String disputeId,
                            String jobId,
                            String escrowId,
                            String clientId,
                            String workerId,
                            String openedBy,
                            DisputeParty openerRole,
                            String reason,
                            String details,
                            Money pay,
                            Money held,
                            Instant openedAt,
                            Instant respondBy) {
}
