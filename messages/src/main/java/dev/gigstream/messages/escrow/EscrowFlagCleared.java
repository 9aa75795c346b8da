package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.NotPersonal;

/** The cause of the flag {@code reason} was resolved: an operator no longer needs to act on it. */
public record EscrowFlagCleared(EscrowId escrowId, JobId jobId, @NotPersonal String reason, @NotPersonal String cause) {
}
