package dev.gigstream.messages.dispute;

import java.time.Instant;

/** A dispute still open that was opened before {@code overdueIfOpenedBefore} shows as overdue. */
public record FindDispute(String disputeId, Instant overdueIfOpenedBefore) {
}
