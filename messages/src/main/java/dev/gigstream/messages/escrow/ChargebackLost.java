package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.Money;

import java.util.List;

/**
 * Paystack resolved the chargeback against the platform: the card network took {@code amount} back
 * from our balance. What the escrow still held pays for it; the rest is the platform's loss
 * ({@link LedgerAccount#CHARGEBACK_LOSSES}).
 */
public record ChargebackLost(String escrowId, String jobId, String chargebackId, Money amount, List<Posting> postings) {
}
