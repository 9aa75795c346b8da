package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;

public record EscrowCancelled(EscrowId escrowId, JobId jobId, String reason) {
}
