package dev.gigstream.messages.escrow;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Paystack tells us the client's bank disputes the charge ({@code charge.dispute.create}). */
public record RecordChargeback(@TargetAggregateIdentifier String escrowId, String chargebackId, String reason, Instant at) {
}
