package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.NotPersonal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Paystack says the transfer failed or was reversed; the next attempt gets a new reference. */
public record ReportPayoutFailure(@TargetAggregateIdentifier EscrowId escrowId,
                                  @NotPersonal String payoutReference,
                                  @NotPersonal String reason) {
}
