package dev.gigstream.api.messaging;

import dev.gigstream.api.console.ProjectionConsole;
import dev.gigstream.api.console.ProjectionStatus;
import dev.gigstream.messages.common.RefusedException;
import jakarta.annotation.PreDestroy;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The read-model projections' processors for operators: position, lag and replay. Read models share
 * processors, so a replay rebuilds one read model beside its processor: the shared processor stops
 * applying that read model's events ({@link ReplayGate}), the read model is emptied (its
 * {@code @ResetHandler}) and its dead letters cleared, and a processor of its own applies the whole
 * event stream to it as a replay ({@link ReadModelRebuild}); once that one has caught up it hands the
 * read model back to the shared processor, without a gap or an event applied twice. The other read
 * models of the processor keep being served and updated all along. Handlers that send commands or
 * publish events skip them while replaying, so a replay never repeats a side effect. Per-instance
 * projections live in each instance's memory and are rebuilt at every start: they are not replayed on
 * demand.
 */
@Component
public class ProjectionProcessors implements ProjectionConsole {

    private static final Logger log = LoggerFactory.getLogger(ProjectionProcessors.class);
    private static final long QUIET_MILLIS = 10_000;
    private static final long HAND_OVER_MILLIS = 2_000;
    private static final long HAND_OVER_EVERY_MILLIS = 200;

    private final EventProcessingConfiguration processing;
    private final Projections projections;
    private final EventStore eventStore;
    private final ReplayGates gates;
    private final Configuration axon;
    private final ListableBeanFactory beans;
    private final CommittedEvents committed;
    private final TransactionManager transactions;
    private final RebuildMarkers markers;
    private final Map<String, ReadModelRebuild> rebuilds = new ConcurrentHashMap<>();
    /** Each read model's handler beans by name: the beans are fixed once the context runs, and finding them is slow. */
    private final Map<String, List<String>> handlerNames = new ConcurrentHashMap<>();
    private final ScheduledExecutorService handOvers = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "read-model-hand-over");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionProcessors(EventProcessingConfiguration processing, Projections projections, EventStore eventStore,
                         ReplayGates gates, Configuration axon, ListableBeanFactory beans, CommittedEvents committed,
                         TransactionManager transactions, RebuildMarkers markers) {
        this.processing = processing;
        this.projections = projections;
        this.eventStore = eventStore;
        this.gates = gates;
        this.axon = axon;
        this.beans = beans;
        this.committed = committed;
        this.transactions = transactions;
        this.markers = markers;
    }

    @Override
    public List<ProjectionStatus> list() {
        long head = headPosition();
        Collection<String> names = new TreeSet<>(projections.shared());
        names.addAll(projections.perInstance());
        return names.stream().map(name -> status(name, head)).toList();
    }

    /** Whether a read model of the processor is being rebuilt here: the processor must stay on this instance. */
    public boolean replaying(String processorName) {
        return rebuilds.keySet().stream().anyMatch(group -> projections.processorOf(group).equals(processorName));
    }

    /**
     * Rebuilds the projection from the start of the event stream; returns once its rebuild has started
     * (it goes on in the background).
     *
     * @throws RefusedException PROJECTION_NOT_FOUND, REPLAY_NOT_SUPPORTED, or PROJECTION_BUSY while another
     *                          instance holds part of its processor's stream or it is being rebuilt already
     */
    @Override
    public synchronized void replay(String name) {
        requireKnown(name);
        StreamingEventProcessor processor = processor(name);
        if (projections.perInstance().contains(name) || !supportsReset(name)) {
            throw new RefusedException(ProjectionErrorCode.REPLAY_NOT_SUPPORTED, "The projection " + name
                    + " is not replayed on demand: " + (projections.perInstance().contains(name)
                    ? "it is kept in each instance's memory and rebuilt at every start" : "its handlers cannot be reset"));
        }
        if (rebuilds.containsKey(name)) {
            throw new RefusedException(ProjectionErrorCode.PROJECTION_BUSY, "The projection " + name
                    + " is being rebuilt already; replay it again when it has caught up");
        }
        if (!holdsWholeStream(processor)) {
            throw new RefusedException(ProjectionErrorCode.PROJECTION_BUSY, "Another instance is processing part of "
                    + name + "; replay it when that instance has released it");
        }
        ReplayGate gate = gates.of(name);
        ReadModelRebuild rebuild;
        try {
            if (!gate.close(QUIET_MILLIS)) {
                throw new IllegalStateException("the processor of " + name + " did not finish its batch in time");
            }
            // the replay rebuilds what was parked after failures from the stream itself
            processing.deadLetterQueue(name).ifPresent(queue -> queue.clear());
            rebuild = new ReadModelRebuild(name, gate, handlers(name), axon.handlerDefinition(Object.class),
                    axon.parameterResolverFactory(), parking(name), eventStore, committed, transactions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            gate.open();
            throw new IllegalStateException("interrupted before replaying " + name, e);
        } catch (RuntimeException e) {
            gate.open();
            throw e;
        }
        rebuilds.put(name, rebuild);
        markers.started(name);
        rebuild.start();
        AtomicReference<ScheduledFuture<?>> attempts = new AtomicReference<>();
        attempts.set(handOvers.scheduleWithFixedDelay(() -> handOver(name, rebuild, attempts.get()),
                HAND_OVER_EVERY_MILLIS, HAND_OVER_EVERY_MILLIS, TimeUnit.MILLISECONDS));
    }

    private void handOver(String name, ReadModelRebuild rebuild, ScheduledFuture<?> attempts) {
        try {
            if (rebuild.tryHandOver(HAND_OVER_MILLIS)) {
                markers.handedOver(name);
                rebuilds.remove(name, rebuild);
                if (attempts != null) {
                    attempts.cancel(false);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not hand read model {} back to its processor yet; trying again", name, e);
        }
    }

    /**
     * Starts again the rebuilds that an instance began and did not hand over (it stopped): here, once
     * this instance holds their processors. Runs at start and then every half minute.
     */
    @Scheduled(initialDelayString = "${gigstream.projections.resume-rebuilds-delay:5s}", fixedDelay = 30_000)
    public void resumeUnfinishedRebuilds() {
        for (String name : markers.unfinished()) {
            if (rebuilds.containsKey(name) || !projections.shared().contains(name)) {
                continue;
            }
            try {
                replay(name);
                log.warn("Read model {} was left half rebuilt by a stopped instance; rebuilding it again", name);
            } catch (RefusedException busy) {
                log.debug("Read model {} waits for its rebuild to be resumed: {}", name, busy.getMessage());
            }
        }
    }

    @PreDestroy
    void stopRebuilds() {
        handOvers.shutdownNow();
        rebuilds.forEach((name, rebuild) -> {
            log.warn("Stopping with read model {} half rebuilt; replay it again", name);
            rebuild.stop();
        });
    }

    private ProjectionStatus status(String name, long head) {
        ReadModelRebuild rebuild = rebuilds.get(name);
        StreamingEventProcessor processor = rebuild != null && !rebuild.handedOver() ? rebuild.processor() : processor(name);
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        Long position = segments.stream().mapToLong(segment -> segment.getCurrentPosition().orElse(-1))
                .boxed().min(Long::compare).orElse(null);
        boolean replaying = segments.stream().anyMatch(ProjectionProcessors::rebuilding);
        return new ProjectionStatus(name, position, position == null ? null : Math.max(0, head - position),
                replaying, projections.shared().contains(name) && supportsReset(name));
    }

    /**
     * Axon keeps a segment "replaying" until it sees an event stored after the reset, which in a quiet
     * system can be long after the rebuild is done; operators want to know whether the events that
     * were there at the reset have all been processed again.
     */
    static boolean rebuilding(EventTrackerStatus segment) {
        return segment.isReplaying()
                && segment.getCurrentPosition().orElse(-1) < segment.getResetPosition().orElse(Long.MAX_VALUE);
    }

    /** Whether this instance holds every segment of the processor, so no other instance feeds the read model. */
    private static boolean holdsWholeStream(StreamingEventProcessor processor) {
        double claimed = processor.processingStatus().values().stream()
                .mapToDouble(s -> 1.0 / (s.getSegment().getMask() + 1)).sum();
        return Math.abs(claimed - 1.0) < 1e-9;
    }

    /** The read model's handler beans. */
    private List<Object> handlers(String group) {
        return handlerNames(group).stream().map(beans::getBean).toList();
    }

    private List<String> handlerNames(String group) {
        return handlerNames.computeIfAbsent(group, name -> Arrays.stream(beans.getBeanNamesForAnnotation(ProcessingGroup.class))
                .filter(bean -> name.equals(Objects.requireNonNull(
                        beans.findAnnotationOnBean(bean, ProcessingGroup.class)).value()))
                .toList());
    }

    /** A read model can be reset unless a handler of it must never see an event twice (a policy). */
    private boolean supportsReset(String group) {
        return processor(group).supportsReset()
                && handlerNames(group).stream().noneMatch(bean -> beans.findAnnotationOnBean(bean, DisallowReplay.class) != null);
    }

    /** A rebuild parks what it fails on in the read model's dead-letter queue, as its shared processor would. */
    private ListenerInvocationErrorHandler parking(String group) {
        var policy = processing.sequencingPolicy(group);
        return (exception, event, handler) -> {
            Object sequence = Objects.requireNonNullElse(policy.getSequenceIdentifierFor(event), event.getIdentifier());
            var queue = processing.deadLetterQueue(group).orElseThrow(() -> exception);
            queue.enqueue(sequence, new GenericDeadLetter<EventMessage<?>>(sequence, event, exception));
            log.error("Rebuilding {} failed on {} {}; parked it", group, event.getPayloadType().getSimpleName(),
                    event.getIdentifier(), exception);
        };
    }

    private void requireKnown(String name) {
        if (!projections.shared().contains(name) && !projections.perInstance().contains(name)) {
            throw new RefusedException(ProjectionErrorCode.PROJECTION_NOT_FOUND, "No projection is named " + name);
        }
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessorByProcessingGroup(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("The projection " + name + " has no streaming processor"));
    }

    /** The position of the newest stored event, -1 for an empty store. */
    private long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }
}
