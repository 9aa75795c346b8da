package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Paystack says the charge succeeded (webhook, verify answer or reconciliation): exactly the expected total, once. */
public record ConfirmEscrowFunded(@TargetAggregateIdentifier String escrowId,
                                  String reference,
                                  Money paid,
                                  long processorFee,
                                  Instant paidAt) {
}
