package dev.gigstream.api.audit;

import dev.gigstream.messages.common.RefusedException;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The event store as auditors read it: one aggregate's events in sequence order, and the global
 * stream after a position, written line by line while it is read from the store (in the storage
 * engine's batches), never held in memory whole. Works alike on the relational store (gap-aware
 * tokens) and on Axon Server (global sequence tokens): a position is the event's global index.
 */
@Component
class EventHistory {

    private static final int FLUSH_EVERY = 100;
    /** How long the stream waits for an event below the head that is not there yet (a gap of a transaction still running). */
    private static final int GAP_WAIT_MILLIS = 1_000;

    private final EventStore eventStore;
    private final JsonMapper json;

    EventHistory(EventStore eventStore, JsonMapper json) {
        this.eventStore = eventStore;
        this.json = json;
    }

    List<AuditEvent> ofAggregate(String aggregateId) {
        List<AuditEvent> events = new ArrayList<>();
        // from sequence 0 rather than readEvents(id): never start from a snapshot
        eventStore.readEvents(aggregateId, 0).forEachRemaining(event -> events.add(AuditEvent.of(event, json)));
        if (events.isEmpty()) {
            throw new RefusedException(AuditErrorCode.AGGREGATE_NOT_FOUND, "No aggregate has the id " + aggregateId);
        }
        return events;
    }

    /**
     * Writes up to {@code limit} events stored after position {@code after} (-1: from the start) as
     * NDJSON, ending at the head of the store as it was when the request came.
     */
    void writeAfter(long after, int limit, OutputStream out) throws IOException {
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        if (headPosition <= after) {
            return;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(tokenAfter(after, head))) {
            long position = after;
            int written = 0;
            while (written < limit && position < headPosition && stream.hasNextAvailable(GAP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                position = event.trackingToken().position().orElse(position);
                out.write(json.writeValueAsBytes(StreamedEvent.of(position, event, json)));
                out.write('\n');
                if (++written % FLUSH_EVERY == 0) {
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.flush();
    }

    /** A token at {@code after} of the kind the store uses. */
    private static TrackingToken tokenAfter(long after, TrackingToken head) {
        if (after < 0) {
            return null;
        }
        return head instanceof GapAwareTrackingToken ? GapAwareTrackingToken.newInstance(after, Set.of())
                : new GlobalSequenceTrackingToken(after);
    }
}
