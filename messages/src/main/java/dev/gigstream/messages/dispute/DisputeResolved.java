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
 * What the escrow does with the money it holds: {@code workerShare} to the worker (the whole pay on
 * a release, the platform keeping its fee), {@code clientRefund} back to the client (everything
 * else on a refund or a split, the service fee included).
 */
public record DisputeResolved(DisputeId disputeId,
                              JobId jobId,
                              EscrowId escrowId,
                              @NotPersonal String clientId,
                              WorkerId workerId,
                              DisputeOutcome outcome,
                              Money workerShare,
                              Money clientRefund,
                              @PersonalData(subject = "resolvedBy") String note,
                              @NotPersonal String resolvedBy,
                              Instant at) {
}
