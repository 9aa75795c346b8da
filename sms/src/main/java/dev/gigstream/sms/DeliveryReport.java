package dev.gigstream.sms;

import java.time.Instant;
import java.util.Objects;

/**
 * What Termii reported of one text: the {@code messageId} its send answered with, the status sorted
 * into {@link Status}, Termii's own status text ({@code rawStatus}, kept for support) and when Termii
 * says the text was sent ({@code at}).
 */
public record DeliveryReport(String messageId, Status status, String rawStatus, Instant at) {

    public enum Status {
        /** On the handset. */
        DELIVERED,
        /** Will not arrive: failed, rejected, expired, or blocked by Do-Not-Disturb. */
        FAILED,
        /** On its way; a later report will say more. */
        PENDING
    }

    public DeliveryReport {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rawStatus, "rawStatus");
        Objects.requireNonNull(at, "at");
    }
}
