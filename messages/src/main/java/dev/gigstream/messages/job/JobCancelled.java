package dev.gigstream.messages.job;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;

/**
 * {@code escrowId} is set when the job had been funded; then {@code workerShare} (per the cancellation
 * policy) goes to the worker and the rest of the escrow back to the client.
 */
public record JobCancelled(JobId jobId,
                           @NotPersonal String cancelledBy,
                           @PersonalData(subject = "cancelledBy") String reason,
                           EscrowId escrowId,
                           Money workerShare) {
}
