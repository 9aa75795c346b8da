package dev.gigstream.api.storage;

import dev.gigstream.command.lookup.LookupTable;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Fills the command side's lookup tables, each once, from the events stored before the table existed (a
 * database with history from before migration V16, or from before a table added later, as V25's
 * {@code known_job}): the subscribing processor only sees events stored after it. It runs at start,
 * before this instance takes commands or its processors run, reading the store up to its head as it was
 * then, through the handlers of the tables not filled yet, in one transaction with the rows of
 * {@code command_lookups_filled_table} that say they are done and the row of {@code command_lookups_filled}
 * (the last fill) that it holds locked meanwhile. When every table is filled it reads nothing but those rows.
 */
class CommandLookupsBackfill {

    private static final Logger log = LoggerFactory.getLogger(CommandLookupsBackfill.class);

    private final EventStore events;
    private final TransactionManager transactions;
    private final LookupTable table;
    private final Map<String, Object> lookupTables;

    /** {@code lookupTables}: each table's handler by the name {@code command_lookups_filled_table} records it under. */
    CommandLookupsBackfill(EventStore events, TransactionManager transactions, LookupTable table, Map<String, Object> lookupTables) {
        this.events = events;
        this.transactions = transactions;
        this.table = table;
        this.lookupTables = Map.copyOf(lookupTables);
    }

    /**
     * Instances that start at once take turns: each locks the one row of {@code command_lookups_filled}
     * (V19) before it looks which tables were filled, so the first fills them and the others wait for its
     * commit and find them filled; nobody reads the history twice into the same table.
     */
    void fillOnce() {
        transactions.executeInTransaction(() -> {
            table.queryOne("SELECT filled_at FROM command_lookups_filled FOR UPDATE", row -> true)
                    .orElseThrow(() -> new IllegalStateException("command_lookups_filled has lost its row (V19)"));
            Map<String, Object> unfilled = new TreeMap<>();
            lookupTables.forEach((lookup, handler) -> {
                if (table.queryOne("SELECT 1 FROM command_lookups_filled_table WHERE lookup = ?", row -> true, lookup).isEmpty()) {
                    unfilled.put(lookup, handler);
                }
            });
            if (unfilled.isEmpty()) {
                return;
            }
            long read = replayUpToTheHead(unfilled.values().stream().map(AnnotationEventHandlerAdapter::new).toList());
            OffsetDateTime filledAt = Instant.now().atOffset(ZoneOffset.UTC);
            for (String lookup : unfilled.keySet()) {
                table.update("INSERT INTO command_lookups_filled_table (lookup, filled_at, events_read) VALUES (?, ?, ?)",
                        lookup, filledAt, read);
            }
            table.update("UPDATE command_lookups_filled SET filled_at = ?, events_read = ?", filledAt, read);
            log.info("Command-side lookup tables {} filled from {} stored events", unfilled.keySet(), read);
        });
    }

    private long replayUpToTheHead(List<AnnotationEventHandlerAdapter> handlers) {
        TrackingToken head = events.createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        if (headPosition < 0) {
            return 0;
        }
        long read = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            while (stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(event)) {
                        handler.handle(event);
                    }
                }
                read++;
                if (event.trackingToken().position().orElse(Long.MAX_VALUE) >= headPosition) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while filling the command-side lookup tables", e);
        } catch (Exception e) {
            throw new IllegalStateException("The command-side lookup tables could not be filled from the stored events", e);
        }
        return read;
    }
}
