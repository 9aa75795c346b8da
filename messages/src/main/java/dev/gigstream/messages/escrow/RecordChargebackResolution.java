package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.NotPersonal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * {@code charge.dispute.resolve}: how Paystack and the bank settled the chargeback ({@code declined}: the
 * platform won; {@code merchant-accepted}: the card network takes the money back). {@code amount} is
 * Paystack's {@code refund_amount}, or null when it did not say.
 */
public record RecordChargebackResolution(@TargetAggregateIdentifier EscrowId escrowId,
                                         @NotPersonal String chargebackId,
                                         @NotPersonal String resolution,
                                         Money amount) {

    public RecordChargebackResolution(EscrowId escrowId, String chargebackId, String resolution) {
        this(escrowId, chargebackId, resolution, null);
    }
}
