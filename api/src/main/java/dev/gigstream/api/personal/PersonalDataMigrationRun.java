package dev.gigstream.api.personal;

import dev.gigstream.api.personal.PersonalDataMigration.Progress;
import dev.gigstream.api.personal.PersonalDataMigration.Store;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Begins {@link PersonalDataMigration} at start, when encryption is on and a store is not migrated yet, in a
 * thread of its own that stops between two batches when the application stops (the next start resumes it).
 * The relational event store (the embedded default's H2, the postgres profile's PostgreSQL) and the dead
 * letters are rewritten. Axon Server's events cannot be: over a store that holds events and was never
 * migrated, the start is refused unless {@code gigstream.personal-data.axon-server-clear-history} is
 * {@code accept} (those events then stay in clear, and no erasure can shred them); over an empty one the
 * store is recorded as migrated, since everything it will hold is written encrypted.
 */
class PersonalDataMigrationRun implements ApplicationRunner, DisposableBean {

    static final String CLEAR_HISTORY = "gigstream.personal-data.axon-server-clear-history";
    private static final Logger log = LoggerFactory.getLogger(PersonalDataMigrationRun.class);

    private final PersonalDataMigration migration;
    private final Supplier<EventStore> eventStore;
    private final boolean axonServer;
    private final boolean acceptClearHistory;
    private volatile boolean stopping;
    private Thread thread;

    PersonalDataMigrationRun(PersonalDataMigration migration, Supplier<EventStore> eventStore, boolean axonServer, String clearHistory) {
        this.migration = migration;
        this.eventStore = eventStore;
        this.axonServer = axonServer;
        this.acceptClearHistory = switch (clearHistory.strip().toLowerCase(Locale.ROOT)) {
            case "accept" -> true;
            case "refuse" -> false;
            default -> throw new IllegalStateException(CLEAR_HISTORY + " (GIGSTREAM_PERSONAL_DATA_AXON_SERVER_CLEAR_HISTORY) "
                    + "must be refuse or accept, not '" + clearHistory + "'");
        };
    }

    @Override
    public void run(ApplicationArguments arguments) {
        List<Store> stores = new ArrayList<>(List.of(Store.EVENTS, Store.DEAD_LETTERS));
        if (axonServer) {
            stores.remove(Store.EVENTS);
            checkAxonServerStore();
        }
        stores.removeIf(store -> migration.progress(store).finished());
        if (stores.isEmpty()) {
            return;
        }
        log.info("Personal data migration: encrypting the personal fields stored in clear in {}, in the background",
                stores.stream().map(store -> store.table).toList());
        thread = new Thread(() -> {
            try {
                for (Store store : stores) {
                    Progress progress = migration.run(store, () -> !stopping);
                    if (!progress.finished()) {
                        log.info("Personal data migration of {} stopped after {} rows; the next start resumes it", store.table, progress.rowsRead());
                        return;
                    }
                }
            } catch (RuntimeException e) {
                log.error("Personal data migration failed; the next start resumes it after the last batch committed", e);
            }
        }, "personal-data-migration");
        thread.setDaemon(true);
        thread.start();
    }

    private void checkAxonServerStore() {
        if (migration.progress(Store.EVENTS).finished()) {
            return;
        }
        TrackingToken head = eventStore.get().createHeadToken();
        boolean empty = head == null || head.position().orElse(-1L) < 0;
        if (empty) {
            migration.markFinished(Store.EVENTS);
        } else if (acceptClearHistory) {
            log.warn("Personal data encryption is on over an Axon Server event store holding events stored before it: "
                    + "they cannot be rewritten, and their personal data stays in clear (" + CLEAR_HISTORY + "=accept)");
        } else {
            throw new IllegalStateException("Personal data encryption is on over an Axon Server event store holding events "
                    + "stored before it, which Axon Server cannot rewrite: their personal data would stay in clear. Set "
                    + "GIGSTREAM_PERSONAL_DATA_ENCRYPTION=off, or GIGSTREAM_PERSONAL_DATA_AXON_SERVER_CLEAR_HISTORY=accept "
                    + "to go on knowing it (docs/personal-data.md)");
        }
    }

    /** Whether the background run is over (done, stopped or failed); for tests. */
    boolean idle() {
        return thread == null || !thread.isAlive();
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        if (thread != null) {
            thread.join(Duration.ofSeconds(30).toMillis());
        }
    }
}
