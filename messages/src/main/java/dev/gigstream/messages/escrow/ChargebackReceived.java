package dev.gigstream.messages.escrow;

import java.time.Instant;

/**
 * A chargeback on the escrow's charge. While the escrow still holds the money ({@code moneyHeld})
 * a dispute is opened on the client's behalf; after a release or refund an admin is asked instead.
 */
public record ChargebackReceived(String escrowId, String jobId, String clientId, String chargebackId, String reason,
                                 boolean moneyHeld, Instant at) {
}
