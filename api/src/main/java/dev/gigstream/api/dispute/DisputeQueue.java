package dev.gigstream.api.dispute;

import java.time.Duration;
import java.time.Instant;

/**
 * When an open dispute counts as overdue in the views ({@code gigstream.disputes.overdue-after},
 * {@link dev.gigstream.messages.dispute.DisputeDefaults#OVERDUE_AFTER_DAYS} days by default): the same setting the command side's dispute policy is made from, handed to the endpoints
 * that ask the read side for disputes.
 */
record DisputeQueue(Duration overdueAfter) {

    /** Disputes opened before this instant are overdue {@code now}. */
    Instant overdueBefore(Instant now) {
        return now.minus(overdueAfter);
    }
}
