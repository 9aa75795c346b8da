package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.NotPersonal;

public record EscrowCancelled(EscrowId escrowId, JobId jobId, @NotPersonal String reason) {
}
