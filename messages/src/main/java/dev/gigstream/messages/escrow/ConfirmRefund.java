package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Paystack says the refund of the charge was processed. */
public record ConfirmRefund(@TargetAggregateIdentifier EscrowId escrowId, Money refunded) {
}
