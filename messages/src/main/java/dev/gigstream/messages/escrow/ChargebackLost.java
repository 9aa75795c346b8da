package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.NotPersonal;

import java.util.List;

/**
 * Paystack resolved the chargeback against the platform: the card network took {@code amount} back
 * from our balance. What the escrow still held pays for it; the rest is the platform's loss
 * ({@link LedgerAccount#CHARGEBACK_LOSSES}).
 */
public record ChargebackLost(EscrowId escrowId, JobId jobId, @NotPersonal String chargebackId, Money amount, List<Posting> postings) {
}
