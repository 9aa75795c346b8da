package dev.gigstream.messages.escrow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Something an operator must look at beyond a stuck payout (money after cancellation, a chargeback, a
 * refund refused). With a {@code cause} ({@link FlagCauses}) the flag clears itself once the cause is
 * resolved, and is not raised at all when it already is.
 */
public record FlagEscrowForAdmin(@TargetAggregateIdentifier String escrowId, String reason, String cause) {

    public FlagEscrowForAdmin(String escrowId, String reason) {
        this(escrowId, reason, null);
    }
}
