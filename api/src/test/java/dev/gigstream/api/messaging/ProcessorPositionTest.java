package dev.gigstream.api.messaging;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection's reported position reaches the head of the stream once it has nothing left to
 * handle, also when the last events are ones it ignores. Axon Server stops sending a stream the payload
 * types its processor says it cannot handle ("block-listing"), so the processor's token would stay at
 * the last event it handled and the admin page would show a lag that never clears. The event store
 * here streams as Axon Server does; both kinds of processor the projections run on read through
 * {@link WakingEventSource}.
 */
class ProcessorPositionTest {

    private final BlockListingEventStore eventStore = new BlockListingEventStore();
    private final CommittedEvents committed = new CommittedEvents(() -> eventStore);
    private StreamingEventProcessor processor;

    @AfterEach
    void stop() {
        if (processor != null) {
            processor.shutDown();
        }
        committed.stop();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pooled", "tracking"})
    void aProcessorThatIgnoresTheLastEventsStillReachesTheHead(String kind) {
        committed.start();
        var handlers = SimpleEventHandlerInvoker.builder().eventHandlers(new JobsOnly()).build();
        var source = new WakingEventSource(eventStore, committed);
        processor = kind.equals("pooled")
                ? PooledStreamingEventProcessor.builder().name("job-feed").eventHandlerInvoker(handlers)
                .messageSource(source).tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.instance())
                .coordinatorExecutor(Executors.newSingleThreadScheduledExecutor())
                .workerExecutor(Executors.newSingleThreadScheduledExecutor())
                .build()
                : TrackingEventProcessor.builder().name("in-order").eventHandlerInvoker(handlers)
                .messageSource(source).tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.instance())
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing())
                .build();
        processor.start();

        eventStore.publish(GenericEventMessage.asEventMessage(new JobPosted("job-1")));
        for (int i = 0; i < 20; i++) {
            eventStore.publish(GenericEventMessage.asEventMessage(new RatingGiven("rating-" + i)));
        }
        long head = eventStore.createHeadToken().position().orElseThrow();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(position())
                .as("the processor's position once it has seen everything (head %d)", head).isEqualTo(head));
    }

    private long position() {
        return processor.processingStatus().values().stream()
                .mapToLong(segment -> segment.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }

    record JobPosted(String jobId) {
    }

    record RatingGiven(String ratingId) {
    }

    static class JobsOnly {
        @EventHandler
        void on(JobPosted posted) {
        }
    }

    /** An in-memory event store whose streams, like Axon Server's, stop delivering the payload types they are told to skip. */
    static final class BlockListingEventStore extends EmbeddedEventStore {

        BlockListingEventStore() {
            super(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()));
        }

        @Override
        public TrackingEventStream openStream(TrackingToken token) {
            return new BlockListingStream(super.openStream(token));
        }
    }

    private record BlockListingStream(BlockingStream<TrackedEventMessage<?>> delegate, Set<Class<?>> skipped)
            implements TrackingEventStream {

        BlockListingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this(delegate, ConcurrentHashMap.newKeySet());
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignored) {
            skipped.add(ignored.getPayloadType());
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            dropSkipped();
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (delegate.hasNextAvailable((int) Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())),
                    TimeUnit.MILLISECONDS)) {
                if (dropSkipped()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (true) {
                TrackedEventMessage<?> next = delegate.nextAvailable();
                if (!skipped.contains(next.getPayloadType())) {
                    return next;
                }
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return delegate.setOnAvailableCallback(callback);
        }

        @Override
        public void close() {
            delegate.close();
        }

        /** Drops skipped events at the front; whether one to deliver is left there. */
        private boolean dropSkipped() {
            Optional<TrackedEventMessage<?>> next = delegate.peek();
            while (next.isPresent() && skipped.contains(next.get().getPayloadType())) {
                try {
                    delegate.nextAvailable();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                next = delegate.peek();
            }
            return next.isPresent();
        }
    }
}
