package dev.gigstream.messages.admin;

/**
 * What a row of the finance export records, each the counterpart of ledger postings of an escrow:
 * <ul>
 * <li>{@code FUNDED} — the client's payment, the total credited to ESCROW.</li>
 * <li>{@code PROCESSOR_FEE} — what Paystack kept of that payment (PROCESSOR_FEES debit), a cost the platform bears.</li>
 * <li>{@code SERVICE_FEE} — the platform's fee, earned when the escrow is released (PLATFORM_REVENUE credit).</li>
 * <li>{@code RELEASED} — a transfer to the worker that went through (WORKER_PAYABLE debit); negative when a
 * transfer was reversed after it went through (WORKER_PAYABLE credit).</li>
 * <li>{@code REFUNDED} — a refund to the client that Paystack processed (REFUND_PAYABLE debit).</li>
 * <li>{@code CHARGEBACK_LOSS} — what a lost chargeback took back from our balance (PAYSTACK_BALANCE credit): paid
 * from what the escrow still held (ESCROW debit), the rest the platform's loss (CHARGEBACK_LOSSES debit).</li>
 * </ul>
 * Once an escrow is settled, FUNDED = SERVICE_FEE + RELEASED + REFUNDED; the processor fee comes out of the
 * platform's own balance, and so do the chargeback losses.
 */
public enum MoneyMovementKind {
    FUNDED, SERVICE_FEE, PROCESSOR_FEE, RELEASED, REFUNDED, CHARGEBACK_LOSS
}
