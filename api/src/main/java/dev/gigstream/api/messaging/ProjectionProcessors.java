package dev.gigstream.api.messaging;

import dev.gigstream.messages.common.RefusedException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The read-model projections' processors for operators: position, lag and replay. A replay stops the
 * processor, resets its tokens to the start of the stream (which runs the projection's
 * {@code @ResetHandler}: its collection is emptied) and starts it again; the projection then refills
 * its collection from the whole event stream while the application goes on answering. Handlers that
 * send commands or publish events skip them while replaying, so a replay never repeats a side effect.
 * Per-instance projections live in each instance's memory and are rebuilt at every start: they are
 * not replayed on demand.
 */
@Component
public class ProjectionProcessors {

    private static final Logger log = LoggerFactory.getLogger(ProjectionProcessors.class);

    private final EventProcessingConfiguration processing;
    private final Projections projections;
    private final EventStore eventStore;

    ProjectionProcessors(EventProcessingConfiguration processing, Projections projections, EventStore eventStore) {
        this.processing = processing;
        this.projections = projections;
        this.eventStore = eventStore;
    }

    public List<ProjectionStatus> list() {
        long head = headPosition();
        Collection<String> names = new TreeSet<>(projections.shared());
        names.addAll(projections.perInstance());
        return names.stream().map(name -> status(name, head)).toList();
    }

    /**
     * Rebuilds the projection from the start of the event stream; returns once the processor runs again
     * (the rebuild itself goes on in the background).
     *
     * @throws RefusedException PROJECTION_NOT_FOUND, REPLAY_NOT_SUPPORTED, or PROJECTION_BUSY while another
     *                          instance holds part of its stream
     */
    public synchronized void replay(String name) {
        requireKnown(name);
        StreamingEventProcessor processor = processor(name);
        if (projections.perInstance().contains(name) || !processor.supportsReset()) {
            throw new RefusedException(ProjectionErrorCode.REPLAY_NOT_SUPPORTED, "The projection " + name
                    + " is not replayed on demand: " + (projections.perInstance().contains(name)
                    ? "it is kept in each instance's memory and rebuilt at every start" : "its handlers cannot be reset"));
        }
        processor.shutDown();
        try {
            processor.resetTokens();
            // the replay rebuilds what was parked after failures from the stream itself
            processing.deadLetterQueue(name).ifPresent(queue -> queue.clear());
            log.info("Replaying projection {} from the start of the event stream", name);
        } catch (UnableToClaimTokenException e) {
            throw new RefusedException(ProjectionErrorCode.PROJECTION_BUSY, "Another instance is processing part of "
                    + name + "; replay it when that instance has released it");
        } finally {
            processor.start();
        }
    }

    private ProjectionStatus status(String name, long head) {
        StreamingEventProcessor processor = processor(name);
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        Long position = segments.stream().mapToLong(segment -> segment.getCurrentPosition().orElse(-1))
                .boxed().min(Long::compare).orElse(null);
        boolean replaying = segments.stream().anyMatch(ProjectionProcessors::rebuilding);
        return new ProjectionStatus(name, position, position == null ? null : Math.max(0, head - position),
                replaying, projections.shared().contains(name) && processor.supportsReset());
    }

    /**
     * Axon keeps a segment "replaying" until it sees an event stored after the reset, which in a quiet
     * system can be long after the rebuild is done; operators want to know whether the events that
     * were there at the reset have all been processed again.
     */
    private static boolean rebuilding(EventTrackerStatus segment) {
        return segment.isReplaying()
                && segment.getCurrentPosition().orElse(-1) < segment.getResetPosition().orElse(Long.MAX_VALUE);
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
