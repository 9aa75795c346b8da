package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.NotPersonal;

import java.time.Instant;

/**
 * A chargeback on the escrow's charge. While the escrow still holds the money ({@code moneyHeld}) it
 * freezes that money until Paystack resolves the chargeback, whatever happens to any dispute, and a
 * dispute is opened on the client's behalf; either way an admin is asked.
 */
public record ChargebackReceived(EscrowId escrowId,
                                 JobId jobId,
                                 @NotPersonal String clientId,
                                 @NotPersonal String chargebackId,
                                 @NotPersonal String reason,
                                 boolean moneyHeld, Instant at) {
}
