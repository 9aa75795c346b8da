package dev.gigstream.api.messaging;

import org.axonframework.common.Registration;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.lifecycle.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Follows the event store from its head on one thread of its own and tells who waits that events
 * were committed, on this instance or (as soon as the event store sees them) another:
 * <ul>
 * <li>streams that processors read ({@link #onAvailable}): Axon's embedded event store offers no
 * availability callback, so a pooled streaming processor would otherwise look for new events only
 * every 500 ms. As this follower reads from the same cache of committed events as the processors, an
 * event it has seen is one their streams will give;</li>
 * <li>a request waiting for a fact ({@link #next}), such as the hire waiting for the checkout page, and
 * learning where in the stream it is ({@link Committed#position}); or for the follower to have seen the
 * stream up to a position ({@link #reached}), so that a fact it has not seen by then was not caused;</li>
 * <li>what this instance keeps in memory about rare facts ({@link #onEach}), such as the suspended
 * accounts. Only the payloads of the types asked for are deserialised.</li>
 * </ul>
 */
public class CommittedEvents implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CommittedEvents.class);

    /** Resolved at start: the event store is built by Axon's configuration, which uses this. */
    private final Supplier<EventStore> eventStore;
    private final CopyOnWriteArrayList<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private final Queue<Waiter<?>> waiters = new ConcurrentLinkedQueue<>();
    private final Queue<Reach> reaches = new ConcurrentLinkedQueue<>();
    private final CopyOnWriteArrayList<Subscriber<?>> subscribers = new CopyOnWriteArrayList<>();
    private volatile ScheduledExecutorService follower;
    private volatile boolean running;
    /** The position of the last event followed; -1 before the first. */
    private volatile long followed = -1;

    public CommittedEvents(Supplier<EventStore> eventStore) {
        this.eventStore = eventStore;
    }

    /** Runs {@code callback} whenever events were committed; cancel the registration when no longer interested. */
    Registration onAvailable(Runnable callback) {
        callbacks.add(callback);
        return () -> callbacks.remove(callback);
    }

    /**
     * The next committed event of the type that matches, from now on. Register before sending the
     * command that causes it; the future completes on this follower's thread (keep what follows
     * short) and should be given a timeout by the caller, which cancels the wait.
     */
    public <T> CompletableFuture<Committed<T>> next(Class<T> type, Predicate<T> which) {
        Waiter<T> waiter = new Waiter<>(type, which, new CompletableFuture<>());
        waiters.add(waiter);
        waiter.future.whenComplete((value, failure) -> waiters.remove(waiter));
        return waiter.future;
    }

    /**
     * Completes once this follower has handed over every event up to {@code position} (at once if it
     * has): a fact registered for with {@link #next} before it was committed is then known, or was not
     * committed up to there. The caller gives it a timeout, which cancels the wait.
     */
    public CompletableFuture<Void> reached(long position) {
        Reach reach = new Reach(position, new CompletableFuture<>());
        reaches.add(reach);
        reach.future.whenComplete((value, failure) -> reaches.remove(reach));
        if (followed >= position) {
            reach.future.complete(null);
        }
        return reach.future;
    }

    /**
     * Hands every committed event of {@code type} to {@code handler}, on this follower's thread (keep it
     * short), from when the follower starts. Events committed while the store could not be followed are
     * not handed over: whoever keeps state from them also reads it from where it is kept.
     */
    public <T> Registration onEach(Class<T> type, Consumer<? super T> handler) {
        Subscriber<T> subscriber = new Subscriber<>(type, handler);
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    @Override
    public void start() {
        running = true;
        follower = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "committed-events");
            thread.setDaemon(true);
            return thread;
        });
        follower.execute(this::follow);
    }

    @Override
    public void stop() {
        running = false;
        ScheduledExecutorService executor = follower;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops following with the event processors, inside Axon's own shutdown, before the connections to
     * outside services close: with Axon Server the stream would be closed under the follower, which
     * would warn about it at every stop. (Spring stops it again, later, by its phase: that is a no-op.)
     */
    public void stopsWith(Configurer configurer) {
        configurer.onShutdown(Phase.INBOUND_EVENT_CONNECTORS, (Runnable) this::stop);
    }

    /** After Axon's own lifecycle has started the event store, before processors start reading. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    /** Follows the store until it fails or this stops; after a failure, again a second later. */
    private void follow() {
        if (!running) {
            return;
        }
        EventStore store = eventStore.get();
        TrackingToken head = store.createHeadToken();
        followed = Math.max(followed, head == null ? -1 : head.position().orElse(-1));
        reaches.forEach(reach -> reach.offer(followed));
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(head)) {
            while (running) {
                if (!stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                    continue;
                }
                do {
                    offer(stream.nextAvailable());
                } while (stream.hasNextAvailable());
                callbacks.forEach(CommittedEvents::runSafely);
                reaches.forEach(reach -> reach.offer(followed));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running) {
                // the store is unreachable for a moment: processors still find their events when they next look
                log.warn("Following the event store failed; trying again in a second", e);
                try {
                    follower.schedule(this::follow, 1, TimeUnit.SECONDS);
                } catch (RejectedExecutionException stopped) {
                    log.debug("Stopped while the event store could not be followed");
                }
            }
        }
    }

    private void offer(TrackedEventMessage<?> event) {
        followed = event.trackingToken().position().orElse(followed);
        for (Waiter<?> waiter : waiters) {
            waiter.offer(event);
        }
        for (Subscriber<?> subscriber : subscribers) {
            subscriber.offer(event);
        }
    }

    private static void runSafely(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log.warn("A callback for committed events failed", e);
        }
    }

    private record Subscriber<T>(Class<T> type, Consumer<? super T> handler) {

        void offer(TrackedEventMessage<?> event) {
            if (type.equals(event.getPayloadType())) {
                try {
                    handler.accept(type.cast(event.getPayload()));
                } catch (RuntimeException e) {
                    log.warn("A handler of committed {} failed", type.getSimpleName(), e);
                }
            }
        }
    }

    /** A committed event and its position in the stream, which a read can wait for its read model to pass. */
    public record Committed<T>(T payload, long position) {
    }

    private record Waiter<T>(Class<T> type, Predicate<T> which, CompletableFuture<Committed<T>> future) {

        void offer(TrackedEventMessage<?> event) {
            if (!future.isDone() && type.equals(event.getPayloadType())) {
                T payload = type.cast(event.getPayload());
                if (which.test(payload)) {
                    future.complete(new Committed<>(payload, event.trackingToken().position().orElse(-1)));
                }
            }
        }
    }

    private record Reach(long position, CompletableFuture<Void> future) {

        void offer(long followed) {
            if (followed >= position) {
                future.complete(null);
            }
        }
    }
}
