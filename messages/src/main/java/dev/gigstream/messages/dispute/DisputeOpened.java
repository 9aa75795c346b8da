package dev.gigstream.messages.dispute;

import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;
import dev.gigstream.messages.common.WorkerId;

import java.time.Instant;

/**
 * The escrow of the job is frozen from here until the dispute is withdrawn or resolved.
 * {@code held} is what the escrow holds (the pay plus the service fee); the other party has until
 * {@code respondBy} to answer.
 */
public record DisputeOpened(DisputeId disputeId,
                            JobId jobId,
                            EscrowId escrowId,
                            @NotPersonal String clientId,
                            WorkerId workerId,
                            @NotPersonal String openedBy,
                            DisputeParty openerRole,
                            @PersonalData(subject = "openedBy") String reason,
                            @PersonalData(subject = "openedBy") String details,
                            Money pay,
                            Money held,
                            Instant openedAt,
                            Instant respondBy) {
}
