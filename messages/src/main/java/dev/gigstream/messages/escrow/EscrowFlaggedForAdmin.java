package dev.gigstream.messages.escrow;

/**
 * The escrow asks an operator to look at something. {@code cause} names what the flag is about
 * ({@link FlagCauses}): the escrow clears the flag ({@link EscrowFlagCleared}) once that cause is
 * resolved. Flags recorded before causes existed have none and stay until an operator acts.
 */
public record EscrowFlaggedForAdmin(String escrowId, String jobId, String reason, String cause) {

    public EscrowFlaggedForAdmin(String escrowId, String jobId, String reason) {
        this(escrowId, jobId, reason, null);
    }
}
