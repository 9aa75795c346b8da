package dev.gigstream.api.reach;

/**
 * Where a delivery stands. PENDING waits for its send; SENDING is with the provider (a send that finds its
 * record SENDING was cut short and is not sent again); SENT the provider took it; DELIVERED its delivery
 * report says it arrived; FAILED and SKIPPED carry a {@link DeliveryReason}.
 */
public enum DeliveryStatus {
    PENDING, SENDING, SENT, DELIVERED, FAILED, SKIPPED
}
