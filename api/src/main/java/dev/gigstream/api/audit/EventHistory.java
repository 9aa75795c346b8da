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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
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
    /** How long the stream waits for another event below the head when it holds none back. */
    private static final int GAP_WAIT_MILLIS = 1_000;
    /** How long an event behind a gap is held back for the gap to fill. */
    static final Duration SETTLE = Duration.ofMillis(500);
    private static final int SETTLE_POLL_MILLIS = 20;

    private final EventStore eventStore;
    private final JsonMapper json;

    EventHistory(EventStore eventStore, JsonMapper json) {
        this.eventStore = eventStore;
        this.json = json;
    }

    List<AuditEvent> ofAggregate(String aggregateId, Disclosure disclosure) {
        List<AuditEvent> events = new ArrayList<>();
        // from sequence 0 rather than readEvents(id): never start from a snapshot
        eventStore.readEvents(aggregateId, 0).forEachRemaining(event -> events.add(AuditEvent.of(event, json, disclosure)));
        if (events.isEmpty()) {
            throw new RefusedException(AuditErrorCode.AGGREGATE_NOT_FOUND, "No aggregate has the id " + aggregateId);
        }
        return events;
    }

    /**
     * Writes up to {@code limit} events stored after position {@code after} (-1: from the start) as
     * NDJSON, in the order of their positions, ending at the head of the store as it was when the
     * request came. A transaction that drew its position before another but commits after it arrives
     * late: an event just behind such a gap is held back until the gap fills or the event is
     * {@link #SETTLE} old (a gap that stays longer was a rolled-back transaction). Only events inside
     * that window are ever held in memory.
     */
    void writeAfter(long after, int limit, Disclosure disclosure, OutputStream out) throws IOException {
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        if (headPosition <= after) {
            return;
        }
        TrackingToken previous = tokenAfter(after, head);
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(previous)) {
            TreeMap<Long, TrackedEventMessage<?>> held = new TreeMap<>();
            long written = after;
            int count = 0;
            while (count < limit) {
                if (stream.hasNextAvailable(held.isEmpty() ? GAP_WAIT_MILLIS : SETTLE_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    long position = positionOf(event.trackingToken(), previous);
                    previous = event.trackingToken();
                    if (position > written && position <= headPosition) {
                        held.put(position, event);
                    }
                } else if (held.isEmpty()) {
                    break; // nothing more below the head
                }
                Instant settled = Instant.now().minus(SETTLE);
                while (!held.isEmpty() && count < limit && (held.firstKey() == written + 1
                        || !held.firstEntry().getValue().getTimestamp().isAfter(settled))) {
                    var next = held.pollFirstEntry();
                    written = next.getKey();
                    out.write(json.writeValueAsBytes(StreamedEvent.of(written, next.getValue(), json, disclosure)));
                    out.write('\n');
                    if (++count % FLUSH_EVERY == 0) {
                        out.flush();
                    }
                }
                if (held.isEmpty() && written >= headPosition) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.flush();
    }

    /**
     * The event's own position. A gap-aware token keeps the highest position seen: an event filling a
     * gap below it carries that highest position, and is recognised by the gap it removed.
     */
    static long positionOf(TrackingToken token, TrackingToken previous) {
        if (token instanceof GapAwareTrackingToken current && previous instanceof GapAwareTrackingToken before
                && current.getIndex() == before.getIndex()) {
            Set<Long> filled = new HashSet<>(before.getGaps());
            filled.removeAll(current.getGaps());
            if (filled.size() == 1) {
                return filled.iterator().next();
            }
        }
        return token.position().orElseThrow();
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
