package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.NotPersonal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Something an operator must look at beyond a stuck payout (money after cancellation, a chargeback, a
 * refund refused). With a {@code cause} ({@link FlagCauses}) the flag clears itself once the cause is
 * resolved, and is not raised at all when it already is.
 */
public record FlagEscrowForAdmin(@TargetAggregateIdentifier EscrowId escrowId, @NotPersonal String reason, @NotPersonal String cause) {

    public FlagEscrowForAdmin(EscrowId escrowId, String reason) {
        this(escrowId, reason, null);
    }
}
