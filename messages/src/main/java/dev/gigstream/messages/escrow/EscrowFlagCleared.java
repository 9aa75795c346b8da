package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;

/** The cause of the flag {@code reason} was resolved: an operator no longer needs to act on it. */
public record EscrowFlagCleared(EscrowId escrowId, JobId jobId, String reason, String cause) {
}
