package dev.gigstream.api.messaging;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One read model being rebuilt by a processor of its own while its shared processor feeds the others:
 * the read model is emptied (its {@code @ResetHandler}), a single-threaded processor with an in-memory
 * token applies the whole stream to it as a replay (handlers that must not act on a replay do not), and
 * once it has caught up it hands the read model back to the shared processor through its
 * {@link ReplayGate}.
 */
final class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final int BATCH = 100;

    private final String group;
    private final ReplayGate gate;
    private final TrackingEventProcessor processor;
    private final TokenStore tokens = new FlushingTokenStore(new InMemoryTokenStore(), () -> {
    });
    private final Object progress = new Object();
    private volatile boolean handedOver;

    ReadModelRebuild(String group, ReplayGate gate, List<Object> handlers, HandlerDefinition handlerDefinition,
                     ParameterResolverFactory parameters, ListenerInvocationErrorHandler onFailure,
                     EventStore eventStore, CommittedEvents committed, TransactionManager transactions) {
        this.group = group;
        this.gate = gate;
        var invoker = SimpleEventHandlerInvoker.builder()
                .eventHandlers(handlers)
                .handlerDefinition(handlerDefinition)
                .parameterResolverFactory(parameters)
                .listenerInvocationErrorHandler(onFailure)
                .build();
        TrackingToken headAtReset = eventStore.createHeadToken();
        var settings = TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(BATCH)
                .andInitialTrackingToken(source -> ReplayToken.createReplayToken(headAtReset, source.createTailToken()));
        this.processor = TrackingEventProcessor.builder()
                .name("rebuild-" + group)
                .eventHandlerInvoker(invoker)
                .messageSource(new WakingEventSource(eventStore, committed))
                .tokenStore(tokens)
                .transactionManager(transactions)
                .trackingEventProcessorConfiguration(settings)
                .build();
        processor.registerHandlerInterceptor((unitOfWork, chain) -> {
            unitOfWork.afterCommit(u -> {
                synchronized (progress) {
                    progress.notifyAll();
                }
            });
            return ReplayGates.rebuilding(chain::proceed);
        });
        invoker.performReset();
    }

    void start() {
        processor.start();
        log.info("Rebuilding read model {} from the start of the event stream", group);
    }

    /** Who feeds the read model until the hand-over. */
    StreamingEventProcessor processor() {
        return processor;
    }

    boolean handedOver() {
        return handedOver;
    }

    /**
     * Tries to give the read model back to the shared processor: once this processor is close, holds the
     * gate (the shared processor waits at its next event of this read model) and waits up to
     * {@code millis} until this processor has applied every event the shared one skipped; then stops it
     * and opens the gate for exactly the events its final token does not cover. Returns whether it did.
     */
    boolean tryHandOver(long millis) throws InterruptedException {
        if (handedOver) {
            return true;
        }
        if (!caughtUp()) {
            return false;
        }
        if (!gate.lock().tryLock(millis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        try {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            synchronized (progress) {
                while (!coversSkipped()) {
                    long left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime());
                    if (left <= 0) {
                        return false;
                    }
                    progress.wait(Math.min(left, 50));
                }
            }
            processor.shutDown();
            TrackingToken last = tokens.fetchToken(processor.getName(), 0);
            if (last == null || !covers(last, gate.lastSkipped())) {
                processor.start();
                return false;
            }
            gate.handOver(last);
            handedOver = true;
            log.info("Rebuilt read model {}; its shared processor feeds it again", group);
            return true;
        } finally {
            gate.lock().unlock();
        }
    }

    /** Stops rebuilding without a hand-over (the application stops). */
    void stop() {
        processor.shutDown();
    }

    private boolean caughtUp() {
        return processor.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp)
                && !processor.processingStatus().isEmpty();
    }

    private boolean coversSkipped() {
        TrackingToken current = processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getTrackingToken).findFirst().orElse(null);
        return current != null && covers(current, gate.lastSkipped());
    }

    private static boolean covers(TrackingToken token, TrackingToken skipped) {
        return skipped == null || WrappedToken.unwrapLowerBound(token).covers(skipped);
    }
}
