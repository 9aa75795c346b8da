package dev.gigstream.api.messaging;

import org.axonframework.common.Registration;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The event store as pooled streaming processors read it, with streams that say when events are
 * available ({@link CommittedEvents}), so a processor handles an event as soon as it is committed
 * instead of at its next look every 500 ms. Every event reaches every processor, also those it ignores,
 * so that its position reaches the head of the stream once it has nothing left to handle.
 */
final class WakingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStore eventStore;
    private final CommittedEvents committed;

    WakingEventSource(EventStore eventStore, CommittedEvents committed) {
        this.eventStore = eventStore;
        this.committed = committed;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new WakingStream(eventStore.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return eventStore.createTokenSince(duration);
    }

    private final class WakingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Registration callback;

        WakingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (!delegate.setOnAvailableCallback(callback)) {
                this.callback = committed.onAvailable(callback);
            }
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        /**
         * Not passed on: Axon Server would stop sending the stream those events ("block-listing"), and a
         * processor's token only moves on events it is given, so one whose last events are ignored ones
         * would stay behind the head for good and report a lag that never clears.
         */
        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
        }

        @Override
        public void close() {
            Registration registered = callback;
            if (registered != null) {
                registered.cancel();
            }
            delegate.close();
        }
    }
}
