package dev.gigstream.messages.escrow;

/**
 * The accounts of an escrow's double-entry ledger. Debits are positive, credits negative; the
 * postings of every event sum to zero.
 * <ul>
 * <li>{@code ESCROW} — what the platform holds for the job (a liability: credited when funded).</li>
 * <li>{@code PAYSTACK_BALANCE} — the money on our Paystack balance (an asset).</li>
 * <li>{@code PROCESSOR_FEES} — what Paystack kept for the charge (an expense the platform bears).</li>
 * <li>{@code WORKER_PAYABLE} — earned by the worker, not yet transferred (a liability).</li>
 * <li>{@code REFUND_PAYABLE} — owed back to the client, not yet refunded (a liability).</li>
 * <li>{@code PLATFORM_REVENUE} — the service fee the platform earned.</li>
 * <li>{@code CHARGEBACK_LOSSES} — what a lost chargeback took back beyond what the escrow still held (an
 * expense the platform bears, e.g. after the worker was paid).</li>
 * </ul>
 */
public enum LedgerAccount {
    ESCROW, PAYSTACK_BALANCE, PROCESSOR_FEES, WORKER_PAYABLE, REFUND_PAYABLE, PLATFORM_REVENUE, CHARGEBACK_LOSSES
}
