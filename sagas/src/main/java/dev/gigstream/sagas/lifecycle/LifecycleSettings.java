package dev.gigstream.sagas.lifecycle;

import java.time.Duration;

/**
 * How long the lifecycle waits: for the client's payment (never past the shift start), for the
 * client's confirmation after check-out, and past the shift end before a worker who never checked
 * out is checked out.
 */
public record LifecycleSettings(Duration paymentWindow, Duration confirmationWindow, Duration checkOutGrace) {

    public static LifecycleSettings defaults() {
        return new LifecycleSettings(Duration.ofHours(2), Duration.ofHours(48), Duration.ofHours(2));
    }
}
