package dev.gigstream.messages.escrow;

/** One line of a ledger entry: a signed amount in minor units (debit positive, credit negative). */
public record Posting(LedgerAccount account, long amount) {
}
