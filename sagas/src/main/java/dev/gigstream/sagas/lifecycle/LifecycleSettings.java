package dev.gigstream.sagas.lifecycle;

import java.time.Duration;

/**
 * How long the lifecycle waits: for the client's payment (never past the shift start), for the
 * client's confirmation after check-out, and between payout retries (doubling from
 * {@code payoutRetryBackoff}) before an admin is asked to step in.
 */
public record LifecycleSettings(Duration paymentWindow, Duration confirmationWindow, int maxPayoutAttempts,
                                Duration payoutRetryBackoff) {

    public static LifecycleSettings defaults() {
        return new LifecycleSettings(Duration.ofHours(2), Duration.ofHours(48), 5, Duration.ofMinutes(1));
    }

    Duration backoffAfter(int failures) {
        return payoutRetryBackoff.multipliedBy(1L << Math.min(failures - 1, 10));
    }
}
