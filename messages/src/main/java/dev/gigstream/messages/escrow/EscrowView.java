package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.Money;

import java.time.Instant;
import java.util.List;

/**
 * An escrow as its parties, admins and auditors see it: {@code amount} is the job's pay, {@code total}
 * what the client pays; {@code funded}, {@code released} and {@code refunded} are running totals; the
 * ledger lists every posting (debit positive, credit negative), each event's entries summing to zero.
 */
public record EscrowView(String escrowId,
                         String jobId,
                         String clientId,
                         String workerId,
                         EscrowStatus status,
                         Money amount,
                         Money serviceFee,
                         Money total,
                         Money funded,
                         Money released,
                         Money refunded,
                         String reference,
                         String authorizationUrl,
                         String pendingPayoutReference,
                         List<String> flags,
                         Instant updatedAt,
                         List<LedgerEntry> ledger) {

    public record LedgerEntry(String entryId, Instant at, LedgerAccount account, long amount, String eventType) {
    }
}
