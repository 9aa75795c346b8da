package dev.gigstream.sagas.lifecycle;

import java.time.Duration;

/**
 * How long the lifecycle waits: for the client's payment (never past the shift start), for the
 * client's confirmation after check-out, past the shift end before a worker who never checked out
 * is checked out, and between retries of a payment-provider call (doubling from
 * {@code retryBackoff}) before an admin is asked to step in.
 */
public record LifecycleSettings(Duration paymentWindow, Duration confirmationWindow, Duration checkOutGrace,
                                int maxPayoutAttempts, Duration retryBackoff) {

    public static LifecycleSettings defaults() {
        return new LifecycleSettings(Duration.ofHours(2), Duration.ofHours(48), Duration.ofHours(2), 5, Duration.ofMinutes(1));
    }

    Duration backoffAfter(int failures) {
        return retryBackoff.multipliedBy(1L << Math.min(Math.max(failures, 1) - 1, 10));
    }
}
