package dev.gigstream.api.personal;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The one-time encryption, in place, of the personal fields of the events stored before encryption was on:
 * the event store's one sanctioned rewrite (docs/personal-data.md). It reads a store ({@link Store}) in
 * order of its key, a batch at a time, each batch in a transaction of its own that holds the store's row of
 * {@code personal_data_migration} (V26) locked and records in it how far it got: instances that run it at
 * once take turns batch by batch and never read the same rows, and a stop resumes after the last committed
 * batch. A stored payload is rewritten only when it holds a personal value in clear where its type (after
 * Axon's upcaster chain, so every older shape is read as the current one) has a {@code @PersonalData}
 * component: it is read as the application reads it and written again through {@link PersonalDataSerializer},
 * with the type and revision of the upcast form. Payloads holding envelopes already, or no personal data,
 * are left exactly as they are, so running it again changes nothing.
 */
public class PersonalDataMigration {

    /** A table of serialized events that the migration rewrites, and the key it walks it by. */
    public enum Store {
        EVENTS("domain_event_entry", "global_index", true),
        DEAD_LETTERS("dead_letter_entry", "dead_letter_id", false);

        final String table;
        final String key;
        final boolean numericKey;

        Store(String table, String key, boolean numericKey) {
            this.table = table;
            this.key = key;
            this.numericKey = numericKey;
        }
    }

    /** How far a store is: rows read and rewritten so far, and whether it is done. */
    public record Progress(long rowsRead, long rowsSealed, boolean finished) {
    }

    private static final Logger log = LoggerFactory.getLogger(PersonalDataMigration.class);
    private static final byte[] NO_META_DATA = "{}".getBytes(StandardCharsets.UTF_8);

    private final DataSource dataSource;
    private final PersonalDataSerializer serializer;
    private final EventUpcaster upcasters;
    private final Clock clock;
    private final int batchSize;

    public PersonalDataMigration(DataSource dataSource, PersonalDataSerializer serializer, EventUpcaster upcasters,
                                 Clock clock, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size of the personal data migration must be at least 1, not " + batchSize);
        }
        this.dataSource = dataSource;
        this.serializer = serializer;
        this.upcasters = upcasters;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Migrates the store batch after batch while {@code goOn} says so; the progress when it stopped. */
    public Progress run(Store store, BooleanSupplier goOn) {
        Progress progress = progress(store);
        while (!progress.finished() && goOn.getAsBoolean()) {
            progress = nextBatch(store);
        }
        return progress;
    }

    public Progress progress(Store store) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT rows_read, rows_sealed, finished_at FROM personal_data_migration WHERE store = ?")) {
            select.setString(1, store.table);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("personal_data_migration has lost its row for " + store.table + " (V26)");
                }
                return new Progress(row.getLong(1), row.getLong(2), row.getTimestamp(3) != null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the progress of the personal data migration", e);
        }
    }

    /** Records the store as done without reading it: for a store that cannot be rewritten and holds nothing yet. */
    public void markFinished(Store store) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE personal_data_migration SET finished_at = ? WHERE store = ? AND finished_at IS NULL")) {
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setString(2, store.table);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the personal data migration of " + store.table + " as done", e);
        }
    }

    /** One batch, in one transaction holding the store's progress row: the progress after it. */
    Progress nextBatch(Store store) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Progress progress = inTransaction(connection, store);
                connection.commit();
                return progress;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The personal data migration of " + store.table + " failed", e);
        }
    }

    private Progress inTransaction(Connection connection, Store store) throws SQLException {
        String doneAfter;
        long read;
        long sealed;
        try (PreparedStatement lock = connection.prepareStatement("SELECT done_after, rows_read, rows_sealed, finished_at "
                + "FROM personal_data_migration WHERE store = ? FOR UPDATE")) {
            lock.setString(1, store.table);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("personal_data_migration has lost its row for " + store.table + " (V26)");
                }
                if (row.getTimestamp(4) != null) {
                    return new Progress(row.getLong(2), row.getLong(3), true);
                }
                doneAfter = row.getString(1);
                read = row.getLong(2);
                sealed = row.getLong(3);
            }
        }
        List<StoredRow> batch = readBatch(connection, store, doneAfter);
        Timestamp now = Timestamp.from(clock.instant());
        if (batch.isEmpty()) {
            try (PreparedStatement finish = connection.prepareStatement("UPDATE personal_data_migration "
                    + "SET finished_at = ?, started_at = COALESCE(started_at, ?) WHERE store = ?")) {
                finish.setTimestamp(1, now);
                finish.setTimestamp(2, now);
                finish.setString(3, store.table);
                finish.executeUpdate();
            }
            log.info("Personal data migration of {} done: {} rows read, {} with personal data in clear encrypted",
                    store.table, read, sealed);
            return new Progress(read, sealed, true);
        }
        int sealedNow = 0;
        try (PreparedStatement rewrite = connection.prepareStatement("UPDATE " + store.table
                + " SET payload = ?, payload_type = ?, payload_revision = ? WHERE " + store.key + " = ?")) {
            for (StoredRow row : batch) {
                Optional<SerializedObject<byte[]>> encrypted = encrypted(row);
                if (encrypted.isPresent()) {
                    rewrite.setBytes(1, encrypted.get().getData());
                    rewrite.setString(2, encrypted.get().getType().getName());
                    rewrite.setString(3, encrypted.get().getType().getRevision());
                    setKey(rewrite, 4, store, row.key());
                    rewrite.addBatch();
                    sealedNow++;
                }
            }
            if (sealedNow > 0) {
                rewrite.executeBatch();
            }
        }
        try (PreparedStatement advance = connection.prepareStatement("UPDATE personal_data_migration SET done_after = ?, "
                + "rows_read = ?, rows_sealed = ?, started_at = COALESCE(started_at, ?) WHERE store = ?")) {
            advance.setString(1, batch.get(batch.size() - 1).key());
            advance.setLong(2, read + batch.size());
            advance.setLong(3, sealed + sealedNow);
            advance.setTimestamp(4, now);
            advance.setString(5, store.table);
            advance.executeUpdate();
        }
        log.info("Personal data migration of {}: {} rows read, {} encrypted so far", store.table, read + batch.size(), sealed + sealedNow);
        return new Progress(read + batch.size(), sealed + sealedNow, false);
    }

    private record StoredRow(String key, String eventIdentifier, String timestamp, String payloadType,
                             String payloadRevision, byte[] payload, byte[] metaData) {
    }

    private List<StoredRow> readBatch(Connection connection, Store store, String doneAfter) throws SQLException {
        String sql = "SELECT " + store.key + ", event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data FROM "
                + store.table + (doneAfter == null ? "" : " WHERE " + store.key + " > ?")
                + " ORDER BY " + store.key + " LIMIT " + batchSize;
        List<StoredRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (doneAfter != null) {
                setKey(select, 1, store, doneAfter);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new StoredRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getBytes(6), row.getBytes(7)));
                }
            }
        }
        return rows;
    }

    private static void setKey(PreparedStatement statement, int index, Store store, String key) throws SQLException {
        if (store.numericKey) {
            statement.setLong(index, Long.parseLong(key));
        } else {
            statement.setString(index, key);
        }
    }

    /**
     * The payload written again with its personal values encrypted, as its upcast type and revision; empty when
     * it holds no personal value in clear (none of its type's, or envelopes already), or its type is unknown.
     */
    private Optional<SerializedObject<byte[]>> encrypted(StoredRow row) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(null, null, 0, row.eventIdentifier(),
                row.timestamp(), row.payloadType(), row.payloadRevision(), row.payload(),
                row.metaData() == null ? NO_META_DATA : row.metaData());
        List<IntermediateEventRepresentation> upcast = upcasters.upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        if (upcast.size() != 1) {
            throw new IllegalStateException("The upcasters make " + upcast.size() + " events of stored event "
                    + row.eventIdentifier() + " (" + row.payloadType() + "): the migration rewrites one payload as one");
        }
        IntermediateEventRepresentation representation = upcast.get(0);
        Class<?> type = serializer.classForType(representation.getType());
        if (UnknownSerializedType.class.equals(type)) {
            log.warn("Personal data migration: stored event {} is of type {}, unknown here; left as it is",
                    row.eventIdentifier(), row.payloadType());
            return Optional.empty();
        }
        if (!PersonalFields.mayHold(type)) {
            return Optional.empty();
        }
        JsonNode tree = representation.getData(JsonNode.class).getData();
        if (!PersonalDataSerializer.holdsClearValues(type, tree)) {
            return Optional.empty();
        }
        Object event = serializer.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, representation.getType()));
        return Optional.of(serializer.serialize(event, byte[].class));
    }
}
