package dev.gigstream.api.reach;

/**
 * Who a push or text message is for and what it is of: {@code deliveryId} is the delivery record's
 * notification id (a direct text's is fresh), {@code standsFor} the notification's id or a direct text's kind.
 */
public record Outgoing(String deliveryId, String userId, String standsFor) {
}
