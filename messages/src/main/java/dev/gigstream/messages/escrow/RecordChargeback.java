package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.NotPersonal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Paystack tells us the client's bank disputes the charge ({@code charge.dispute.create}). */
public record RecordChargeback(@TargetAggregateIdentifier EscrowId escrowId,
                               @NotPersonal String chargebackId,
                               @NotPersonal String reason,
                               Instant at) {
}
