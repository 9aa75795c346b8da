package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.NotPersonal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The pending payout {@code payoutReference} is stuck (it failed too often, Paystack wants an OTP or
 * does not answer): an operator fixes the cause and retries it. A no-op for a payout no longer pending.
 */
public record FlagPayoutForAdmin(@TargetAggregateIdentifier EscrowId escrowId,
                                 @NotPersonal String payoutReference,
                                 @NotPersonal String reason) {
}
