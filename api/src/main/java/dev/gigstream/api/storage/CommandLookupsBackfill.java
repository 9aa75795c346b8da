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
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Fills the command side's lookup tables, once, from the events stored before the tables existed (a
 * database with history from before migration V16): the subscribing processor only sees events stored
 * after it. It runs at start, before this instance takes commands or its processors run, reading the
 * store up to its head as it was then, through the same handlers, in one transaction with the row of
 * {@code command_lookups_filled} that says it is done and that it holds locked meanwhile. On a database
 * whose history began with the tables it reads nothing but that row.
 */
class CommandLookupsBackfill {

    private static final Logger log = LoggerFactory.getLogger(CommandLookupsBackfill.class);

    private final EventStore events;
    private final TransactionManager transactions;
    private final LookupTable table;
    private final List<AnnotationEventHandlerAdapter> handlers;

    CommandLookupsBackfill(EventStore events, TransactionManager transactions, LookupTable table, List<Object> lookupTables) {
        this.events = events;
        this.transactions = transactions;
        this.table = table;
        this.handlers = lookupTables.stream().map(AnnotationEventHandlerAdapter::new).toList();
    }

    /**
     * Instances that start at once take turns: each locks the one row of {@code command_lookups_filled}
     * (V19) before it looks at it, so the first fills the tables and the others wait for its commit and find
     * them filled; nobody reads the history twice into the same tables.
     */
    void fillOnce() {
        transactions.executeInTransaction(() -> {
            boolean filled = table.queryOne("SELECT filled_at FROM command_lookups_filled FOR UPDATE",
                            row -> row.getObject(1) != null)
                    .orElseThrow(() -> new IllegalStateException("command_lookups_filled has lost its row (V19)"));
            if (filled) {
                return;
            }
            long read = replayUpToTheHead();
            table.update("UPDATE command_lookups_filled SET filled_at = ?, events_read = ?",
                    Instant.now().atOffset(ZoneOffset.UTC), read);
            log.info("Command-side lookup tables filled from {} stored events", read);
        });
    }

    private long replayUpToTheHead() {
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
