package dev.gigstream.api.redis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A small circuit breaker for one feature's Redis calls. After a failure the feature stops asking
 * Redis for {@code pause} and uses its fallback at once; then a single request probes Redis again
 * (the others keep falling back) and a success closes the circuit. So a Redis that is down costs one
 * request per pause at most the command timeout instead of every request. The failure is logged as a
 * warning at most once a minute, saying what the feature does meanwhile.
 * <p>
 * Written here rather than taken from resilience4j-circuitbreaker: this needs neither failure-rate
 * windows nor metrics, and one class is less than another dependency to pin.
 */
public final class RedisCircuit {

    private static final Logger log = LoggerFactory.getLogger(RedisCircuit.class);
    private static final long CLOSED = Long.MIN_VALUE;
    private static final long WARN_EVERY = Duration.ofMinutes(1).toNanos();

    private final String feature;
    private final String meanwhile;
    private final long pauseNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong openUntil = new AtomicLong(CLOSED);
    private final AtomicLong lastWarning = new AtomicLong(CLOSED);

    /**
     * @param feature   who calls Redis, for the warning ("rate limits")
     * @param meanwhile what the feature does while Redis does not answer, for the warning
     */
    public RedisCircuit(String feature, String meanwhile, Duration pause) {
        this(feature, meanwhile, pause, System::nanoTime);
    }

    RedisCircuit(String feature, String meanwhile, Duration pause, LongSupplier nanoTime) {
        this.feature = feature;
        this.meanwhile = meanwhile;
        this.pauseNanos = pause.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Whether to ask Redis now: yes while closed; when open, only the first caller after the pause. */
    public boolean allowsCall() {
        long until = openUntil.get();
        if (until == CLOSED) {
            return true;
        }
        long now = nanoTime.getAsLong();
        return now - until >= 0 && openUntil.compareAndSet(until, now + pauseNanos);
    }

    public void succeeded() {
        if (openUntil.get() != CLOSED && openUntil.getAndSet(CLOSED) != CLOSED) {
            log.info("Redis answers {} again", feature);
        }
    }

    public void failed(RuntimeException e) {
        long now = nanoTime.getAsLong();
        openUntil.set(now + pauseNanos);
        long last = lastWarning.get();
        if ((last == CLOSED || now - last >= WARN_EVERY) && lastWarning.compareAndSet(last, now)) {
            log.warn("Redis does not answer {} ({}); {}", feature, e.toString(), meanwhile);
        }
    }

    public boolean open() {
        return openUntil.get() != CLOSED;
    }
}
