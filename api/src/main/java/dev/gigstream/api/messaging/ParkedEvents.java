package dev.gigstream.api.messaging;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where a saga's (or a policy's) failure goes once retrying has not helped, so that one event cannot
 * stop every other job's lifecycle: a handler that throws makes its processor retry the batch (with
 * Axon's back-off) up to {@code attempts} times; then the event is parked in the dead-letter queue under
 * its processing group, the handler is skipped for it, and the processor moves on. Admins list parked
 * events and retry them (a retry delivers the event to the saga again; one that still fails stays
 * parked). Attempts are counted per instance, so a restart gives an event its attempts again.
 */
public class ParkedEvents {

    private static final Logger log = LoggerFactory.getLogger(ParkedEvents.class);

    private final Set<String> groups;
    private final int attempts;
    private final Function<String, SequencedDeadLetterQueue<EventMessage<?>>> queueOf;
    private final Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues = new ConcurrentHashMap<>();
    /** Failed attempts per event; an event that failed and then went through is forgotten after a while. */
    private final Map<String, Integer> failures = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1)).maximumSize(100_000).<String, Integer>build().asMap();
    private final ThreadLocal<Boolean> retrying = ThreadLocal.withInitial(() -> false);
    private final Supplier<EventProcessingConfiguration> processing;
    private final TransactionManager transactions;

    ParkedEvents(Set<String> groups, int attempts, Function<String, SequencedDeadLetterQueue<EventMessage<?>>> queueOf,
                 Supplier<EventProcessingConfiguration> processing, TransactionManager transactions) {
        this.groups = Set.copyOf(groups);
        this.attempts = attempts;
        this.queueOf = queueOf;
        this.processing = processing;
        this.transactions = transactions;
    }

    /** The saga and policy processing groups whose failures are parked here. */
    public Set<String> groups() {
        return groups;
    }

    public SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return queues.computeIfAbsent(group, queueOf);
    }

    ListenerInvocationErrorHandler errorHandlerFor(String group) {
        return (exception, event, handler) -> onError(group, exception, event, handler);
    }

    private void onError(String group, Exception exception, EventMessage<?> event, EventMessageHandler handler) throws Exception {
        if (retrying.get()) {
            throw exception;
        }
        String key = group + "/" + event.getIdentifier();
        int failed = failures.merge(key, 1, Integer::sum);
        if (failed < attempts) {
            log.warn("{} failed on {} ({} of {} attempts): {}", group, event.getPayloadType().getSimpleName(), failed,
                    attempts, exception.toString());
            throw exception;
        }
        failures.remove(key);
        queue(group).enqueue(event.getIdentifier(), new GenericDeadLetter<>(event.getIdentifier(), event, exception));
        log.error("{} failed on {} {} {} times; parked it and moved on", group, event.getPayloadType().getSimpleName(),
                event.getIdentifier(), attempts, exception);
    }

    /** Delivers the group's parked events again; returns how many were handled this time (and left the queue). */
    public int retry(String group) {
        var processor = processing.get().eventProcessorByProcessingGroup(group, AbstractEventProcessor.class).orElse(null);
        if (processor == null) {
            return 0;
        }
        int healed = 0;
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        for (long i = queue.amountOfSequences(); i > 0; i--) {
            boolean handled = queue.process(letter -> {
                try {
                    redeliver(processor, letter.message());
                    return Decisions.evict();
                } catch (Exception stillFailing) {
                    return Decisions.requeue(stillFailing);
                }
            });
            healed += handled ? 1 : 0;
        }
        return healed;
    }

    private void redeliver(AbstractEventProcessor processor, EventMessage<?> event) {
        retrying.set(true);
        try {
            DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
            unitOfWork.attachTransaction(transactions);
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
                processor.eventHandlerInvoker().handle(event, Segment.ROOT_SEGMENT);
                return null;
            });
            if (result.isExceptional()) {
                throw new IllegalStateException("still failing", result.exceptionResult());
            }
        } finally {
            retrying.remove();
        }
    }
}
