package dev.gigstream.messages.escrow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Paystack says the transfer failed or was reversed; the next attempt gets a new reference. */
public record ReportPayoutFailure(@TargetAggregateIdentifier String escrowId,
                                  String payoutReference,
                                  String reason) {
}
