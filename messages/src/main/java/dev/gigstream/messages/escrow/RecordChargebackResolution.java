package dev.gigstream.messages.escrow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code charge.dispute.resolve}: how Paystack and the bank settled the chargeback (e.g. merchant-accepted, declined). */
public record RecordChargebackResolution(@TargetAggregateIdentifier String escrowId, String chargebackId, String resolution) {
}
