package dev.gigstream.api.messaging;

import org.axonframework.common.Registration;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.lifecycle.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * <li>a request waiting for a fact ({@link #next}), such as the hire waiting for the checkout page;</li>
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
    private final CopyOnWriteArrayList<Subscriber<?>> subscribers = new CopyOnWriteArrayList<>();
    private volatile Thread follower;
    private volatile boolean running;

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
    public <T> CompletableFuture<T> next(Class<T> type, Predicate<T> which) {
        Waiter<T> waiter = new Waiter<>(type, which, new CompletableFuture<>());
        waiters.add(waiter);
        waiter.future.whenComplete((value, failure) -> waiters.remove(waiter));
        return waiter.future;
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
        follower = new Thread(this::follow, "committed-events");
        follower.setDaemon(true);
        follower.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = follower;
        if (thread != null) {
            thread.interrupt();
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

    private void follow() {
        while (running) {
            EventStore store = eventStore.get();
            try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(store.createHeadToken())) {
                while (running) {
                    if (!stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        continue;
                    }
                    do {
                        offer(stream.nextAvailable());
                    } while (stream.hasNextAvailable());
                    callbacks.forEach(CommittedEvents::runSafely);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // the store is unreachable for a moment: processors still find their events when they next look
                log.warn("Following the event store failed; trying again in a second", e);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void offer(TrackedEventMessage<?> event) {
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

    private record Waiter<T>(Class<T> type, Predicate<T> which, CompletableFuture<T> future) {

        void offer(TrackedEventMessage<?> event) {
            if (!future.isDone() && type.equals(event.getPayloadType())) {
                T payload = type.cast(event.getPayload());
                if (which.test(payload)) {
                    future.complete(payload);
                }
            }
        }
    }
}
