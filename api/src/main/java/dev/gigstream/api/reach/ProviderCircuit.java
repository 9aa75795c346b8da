package dev.gigstream.api.reach;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A circuit breaker for one provider: after {@code threshold} failures in a row (a timeout, an outage, a
 * "try later") no send calls the provider for {@code pause}; the sends due meanwhile are rescheduled to
 * when it ends, without calling, so a provider that is down holds none of the scheduler's threads. After the
 * pause, calls go through again; a success closes the circuit, another failure opens it for another pause.
 * Written here like the application's other small circuits: no failure-rate windows, no metrics needed.
 */
final class ProviderCircuit {

    private static final Logger log = LoggerFactory.getLogger(ProviderCircuit.class);

    private final String provider;
    private final int threshold;
    private final Duration pause;
    private final Clock clock;
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private final AtomicReference<Instant> openUntil = new AtomicReference<>();

    ProviderCircuit(String provider, int threshold, Duration pause, Clock clock) {
        this.provider = provider;
        this.threshold = threshold;
        this.pause = pause;
        this.clock = clock;
    }

    /** When the circuit is open, the moment calls go through again; empty when they may now. */
    Optional<Instant> openUntil() {
        Instant until = openUntil.get();
        return until != null && clock.instant().isBefore(until) ? Optional.of(until) : Optional.empty();
    }

    void succeeded() {
        failuresInARow.set(0);
        if (openUntil.getAndSet(null) != null) {
            log.info("The {} provider answers again", provider);
        }
    }

    void failed(String why) {
        if (failuresInARow.incrementAndGet() >= threshold) {
            Instant until = clock.instant().plus(pause);
            if (openUntil.getAndSet(until) == null) {
                log.warn("The {} provider failed {} times in a row ({}): its sends wait {} before it is called again",
                        provider, threshold, why, pause);
            }
        }
    }
}
