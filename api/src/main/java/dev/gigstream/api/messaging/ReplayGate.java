package dev.gigstream.api.messaging;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Stands between a shared processor and one read model's handlers, so that the read model can be
 * rebuilt by a processor of its own while the shared processor goes on feeding the others. Open, it
 * lets every event through; closed (a replay runs), it skips the read model's events and remembers
 * the last one it skipped; after a hand-over it lets through exactly the events the rebuilding
 * processor's final token does not cover, so no event is applied twice or missed. The hand-over
 * holds {@link #lock} while it compares tokens: the shared processor waits at its next event of this
 * read model until it is done.
 */
final class ReplayGate {

    private final ReentrantLock lock = new ReentrantLock();
    private final Object quiet = new Object();
    /** Batches of the shared processor that applied events of this read model and have not ended yet. */
    private final AtomicInteger inFlight = new AtomicInteger();
    private final String resource;
    private volatile boolean closed;
    private volatile TrackingToken handedOver;
    private volatile TrackingToken lastSkipped;

    ReplayGate(String group) {
        this.resource = "gigstream.replay-gate." + group;
    }

    /** Whether the shared processor applies {@code event} to the read model (called once per handler and event). */
    boolean admits(Message<?> event) {
        if (!closed && handedOver == null) {
            countBatch();
            return true;
        }
        TrackingToken token = event instanceof TrackedEventMessage<?> tracked
                ? WrappedToken.unwrapLowerBound(tracked.trackingToken()) : null;
        lock.lock();
        try {
            if (closed) {
                if (token != null) {
                    lastSkipped = lastSkipped == null ? token : lastSkipped.upperBound(token);
                }
                return false;
            }
            TrackingToken covered = handedOver;
            if (covered != null && token != null && applied(covered, token)) {
                return false;
            }
            countBatch();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the shared processor's deliveries to the read model, and waits (up to {@code millis}) until
     * the batches that were applying its events have ended, so nothing they wrote lands after a reset.
     */
    boolean close(long millis) throws InterruptedException {
        lock.lock();
        try {
            closed = true;
            handedOver = null;
            lastSkipped = null;
        } finally {
            lock.unlock();
        }
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (quiet) {
            for (long left = millis; inFlight.get() > 0 && left > 0;
                 left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())) {
                quiet.wait(left);
            }
        }
        return inFlight.get() == 0;
    }

    /** Lets the shared processor deliver everything again (a replay that did not start). */
    void open() {
        lock.lock();
        try {
            closed = false;
            handedOver = null;
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** The last event the shared processor skipped, null if none yet. Read under {@link #lock}. */
    TrackingToken lastSkipped() {
        return lastSkipped;
    }

    ReentrantLock lock() {
        return lock;
    }

    /** Ends a replay: the rebuilding processor has applied everything {@code finalToken} covers. Hold {@link #lock}. */
    void handOver(TrackingToken finalToken) {
        handedOver = WrappedToken.unwrapLowerBound(finalToken);
        closed = false;
    }

    /**
     * Whether the rebuilding processor, stopped at {@code handedOver}, applied the event at {@code event}:
     * an event it has passed, unless it was a gap then (not yet committed when it read past it).
     */
    static boolean applied(TrackingToken handedOver, TrackingToken event) {
        if (handedOver instanceof GapAwareTrackingToken rebuilt && event.position().isPresent()) {
            long position = event.position().getAsLong();
            return position <= rebuilt.getIndex() && !rebuilt.getGaps().contains(position);
        }
        return handedOver.covers(event);
    }

    private void countBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        var root = CurrentUnitOfWork.get().root();
        root.resources().computeIfAbsent(resource, key -> {
            inFlight.incrementAndGet();
            root.onCleanup(u -> {
                inFlight.decrementAndGet();
                synchronized (quiet) {
                    quiet.notifyAll();
                }
            });
            return Boolean.TRUE;
        });
    }
}
