package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.NotPersonal;

/**
 * The escrow asks an operator to look at something. {@code cause} names what the flag is about
 * ({@link FlagCauses}): the escrow clears the flag ({@link EscrowFlagCleared}) once that cause is
 * resolved. Flags recorded before causes existed have none and stay until an operator acts.
 */
public record EscrowFlaggedForAdmin(EscrowId escrowId, JobId jobId, @NotPersonal String reason, @NotPersonal String cause) {

    public EscrowFlaggedForAdmin(EscrowId escrowId, JobId jobId, String reason) {
        this(escrowId, jobId, reason, null);
    }
}
