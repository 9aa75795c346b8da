package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;

import java.time.Instant;

/**
 * A chargeback on the escrow's charge. While the escrow still holds the money ({@code moneyHeld}) it
 * freezes that money until Paystack resolves the chargeback, whatever happens to any dispute, and a
 * dispute is opened on the client's behalf; either way an admin is asked.
 */
public record ChargebackReceived(EscrowId escrowId, JobId jobId, String clientId, String chargebackId, String reason,
                                 boolean moneyHeld, Instant at) {
}
