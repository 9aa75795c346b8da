package dev.gigstream.api.reach;

import java.time.Instant;

/**
 * Who a push or text message is for and what it is of: {@code deliveryId} is the delivery record's
 * notification id (a direct text's is fresh), {@code standsFor} the notification's id or a direct text's kind,
 * {@code at} when that was raised (a copy in the inbox takes it, so it is kept as long as what it stands for).
 */
public record Outgoing(String deliveryId, String userId, String standsFor, Instant at) {
}
