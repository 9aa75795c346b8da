package dev.gigstream.messages.dispute;

import java.time.Instant;

/** The admins' queue, oldest first; {@code status} null for every status. */
public record FindDisputes(DisputeStatus status, Instant overdueIfOpenedBefore, int limit) {
}
