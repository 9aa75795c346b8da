package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.NotPersonal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Paystack says the charge succeeded (webhook, verify answer or reconciliation): exactly the expected total, once.
 * {@code processorFee} is what Paystack kept of it, in the charge's currency.
 */
public record ConfirmEscrowFunded(@TargetAggregateIdentifier EscrowId escrowId,
                                  @NotPersonal String reference,
                                  Money paid,
                                  Money processorFee,
                                  Instant paidAt) {
}
