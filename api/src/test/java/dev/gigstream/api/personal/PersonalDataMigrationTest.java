package dev.gigstream.api.personal;

import dev.gigstream.api.json.MoneyJson;
import dev.gigstream.api.personal.PersonalDataMigration.Progress;
import dev.gigstream.api.personal.PersonalDataMigration.Store;
import dev.gigstream.api.storage.EscrowFundedUpcaster;
import dev.gigstream.api.testsupport.PostgresDatabases;
import dev.gigstream.messages.client.ClientSuspended;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.worker.PayoutAccount;
import dev.gigstream.messages.worker.WorkerProfileUpdated;
import dev.gigstream.messages.worker.WorkerRegistered;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import tools.jackson.databind.node.ObjectNode;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one-time migration over a store written with encryption off, on the embedded default's H2 and on
 * PostgreSQL: the personal values in clear are gone from the stored payloads and the dead letters, every
 * event reads as before through the application's serializer and upcasters (an older revision of a
 * personal-carrying event included, stored upcast; the revision-less {@code EscrowFunded} left as it is and
 * still read through its upcaster), an event holding envelopes already is left byte for byte, a stop resumes
 * after the last batch, a second run changes nothing, and two instances at once take turns.
 */
class PersonalDataMigrationTest {

    /** A personal-carrying event whose first revision named the phone {@code tel}. */
    @Revision("2")
    record ProfileNoted(@NotPersonal String workerId, @PersonalData(subject = "workerId") String phone) {
    }

    static class ProfileNotedUpcaster extends SingleEventUpcaster {

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return ProfileNoted.class.getName().equals(representation.getType().getName())
                    && "1".equals(representation.getType().getRevision());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(new SimpleSerializedType(ProfileNoted.class.getName(), "2"), ObjectNode.class,
                    payload -> {
                        payload.set("phone", payload.remove("tel"));
                        return payload;
                    });
        }
    }

    private static final List<String> CLEAR_VALUES = List.of("Adaeze", "Okafor", "Lekki", "6.5244", "0123456789",
            "+2348031234567", "0803 555 0101", "Kwame", "Chidi");

    private final Serializer plain = Jackson3Serializer.builder()
            .jsonMapperBuilderCustomizer(builder -> builder.addMixIn(Money.class, MoneyJson.class)).build();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new EscrowFundedUpcaster(), new ProfileNotedUpcaster());

    @Test
    void onH2() throws Exception {
        DataSource database = H2Keys.migratedDatabase();
        migratesTheStoreWrittenInClear(database);
        twoInstancesTakeTurns(H2Keys.migratedDatabase(), "SELECT COUNT(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL");
    }

    @Test
    void onPostgres() throws Exception {
        migratesTheStoreWrittenInClear(postgres());
        twoInstancesTakeTurns(postgres(), "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock'");
    }

    private void migratesTheStoreWrittenInClear(DataSource database) throws Exception {
        PersonalKeys keys = new PersonalKeys(database, MasterKeys.of(H2Keys.newMasterKey(), null), PersonalKeysTest.CLOCK,
                100, Duration.ofMinutes(1));
        PersonalDataSerializer encrypting = new PersonalDataSerializer(plain, keys);
        storeInClear(database);
        insertEvent(database, "worker-2", 0, encrypting.serialize(new WorkerRegistered(WorkerId.of("worker-2"), "Kwame Mensah"), byte[].class));
        insertDeadLetter(database, plain.serialize(new WorkerRegistered(WorkerId.of("worker-3"), "Chidi Eze"), byte[].class));
        List<Object> before = readAll(database, encrypting);
        assertThat(before).as("six events and a dead letter").hasSize(7);
        Map<Long, byte[]> untouched = payloads(database);
        assertThat(stored(database)).contains("Adaeze Okafor", "+2348031234567");

        Progress stopped = migration(database, encrypting, 2).run(Store.EVENTS, onlyOnce());
        assertThat(stopped).isEqualTo(new Progress(2, 2, false));
        assertThat(new String(payloads(database).get(3L), StandardCharsets.UTF_8)).as("not reached yet").contains("+2348031234567");

        Progress resumed = migration(database, encrypting, 2).run(Store.EVENTS, () -> true);
        assertThat(resumed).as("events 1, 2, 3 and 5 held personal values in clear").isEqualTo(new Progress(6, 4, true));
        assertThat(migration(database, encrypting, 2).run(Store.DEAD_LETTERS, () -> true)).isEqualTo(new Progress(1, 1, true));

        String stored = stored(database);
        for (String clear : CLEAR_VALUES) {
            assertThat(stored).as("stored payloads and dead letters").doesNotContain(clear);
        }
        Map<Long, byte[]> after = payloads(database);
        assertThat(after.get(4L)).as("EscrowFunded, no personal data").isEqualTo(untouched.get(4L));
        assertThat(after.get(6L)).as("encrypted already").isEqualTo(untouched.get(6L));
        assertThat(column(database, "SELECT payload_revision FROM domain_event_entry WHERE global_index = 3")).as("stored upcast").isEqualTo("2");
        assertThat(column(database, "SELECT payload_revision FROM domain_event_entry WHERE global_index = 4")).isNull();
        assertThat(readAll(database, encrypting)).as("every event reads the same").isEqualTo(before);
        assertThat(readAll(database, new PersonalDataSerializer(plain, keys))).isEqualTo(before);

        resetProgress(database);
        assertThat(migration(database, encrypting, 4).run(Store.EVENTS, () -> true)).isEqualTo(new Progress(6, 0, true));
        assertThat(migration(database, encrypting, 4).run(Store.DEAD_LETTERS, () -> true)).isEqualTo(new Progress(1, 0, true));
        assertThat(payloads(database)).as("a second run changes nothing").containsExactlyInAnyOrderEntriesOf(after);
    }

    private void twoInstancesTakeTurns(DataSource database, String sessionsWaitingForALock) throws Exception {
        PersonalKeys keys = new PersonalKeys(database, MasterKeys.of(H2Keys.newMasterKey(), null), PersonalKeysTest.CLOCK,
                100, Duration.ofMinutes(1));
        storeInClear(database);
        PersonalDataSerializer encrypting = new PersonalDataSerializer(plain, keys);
        List<Object> before = readAll(database, encrypting);
        HeldSerializer held = new HeldSerializer(plain);
        PersonalDataMigration first = migration(database, new PersonalDataSerializer(held, keys), 10);
        PersonalDataMigration second = migration(database, encrypting, 10);

        CompletableFuture<Progress> firstRun = CompletableFuture.supplyAsync(() -> first.run(Store.EVENTS, () -> true));
        assertThat(held.serializing.await(30, TimeUnit.SECONDS)).as("the first instance is in its batch").isTrue();
        CompletableFuture<Progress> secondRun = CompletableFuture.supplyAsync(() -> second.run(Store.EVENTS, () -> true));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Long.valueOf(column(database, sessionsWaitingForALock)))
                .as("the second instance waits for the first").isEqualTo(1L));
        held.release.countDown();

        assertThat(firstRun.get(30, TimeUnit.SECONDS).finished()).isTrue();
        assertThat(secondRun.get(30, TimeUnit.SECONDS).finished()).isTrue();
        assertThat(first.progress(Store.EVENTS)).as("each event encrypted once").isEqualTo(new Progress(5, 4, true));
        assertThat(readAll(database, encrypting)).isEqualTo(before);
        String stored = stored(database);
        CLEAR_VALUES.forEach(clear -> assertThat(stored).doesNotContain(clear));
    }

    /** Events 1 to 5 as they were stored with encryption off, the third in its first revision, the fourth revision-less. */
    private void storeInClear(DataSource database) throws IOException, SQLException {
        insertEvent(database, "worker-1", 0, plain.serialize(new WorkerRegistered(WorkerId.of("worker-1"), "Adaeze Okafor"), byte[].class));
        insertEvent(database, "worker-1", 1, plain.serialize(new WorkerProfileUpdated(WorkerId.of("worker-1"), List.of("barista"),
                "Barista in Lekki", new GeoPoint(6.5244, 3.3792), List.of(),
                new PayoutAccount("058", "0123456789", "Adaeze Okafor")), byte[].class));
        insertEvent(database, "worker-1", 2, new SimpleSerializedObject<>(
                "{\"workerId\":\"worker-1\",\"tel\":\"+2348031234567\"}".getBytes(StandardCharsets.UTF_8), byte[].class,
                ProfileNoted.class.getName(), "1"));
        try (InputStream json = getClass().getResourceAsStream("/stored-events/EscrowFunded-revision-null.json")) {
            insertEvent(database, "escrow-1", 0, new SimpleSerializedObject<>(json.readAllBytes(), byte[].class,
                    EscrowFunded.class.getName(), null));
        }
        insertEvent(database, "client-1", 0, plain.serialize(new ClientSuspended("client-1", "Posts 0803 555 0101 in jobs", "admin-1"), byte[].class));
    }

    private PersonalDataMigration migration(DataSource database, PersonalDataSerializer serializer, int batchSize) {
        return new PersonalDataMigration(database, serializer, upcasters, PersonalKeysTest.CLOCK, batchSize);
    }

    private static java.util.function.BooleanSupplier onlyOnce() {
        AtomicInteger batches = new AtomicInteger();
        return () -> batches.getAndIncrement() < 1;
    }

    private List<Object> readAll(DataSource database, Serializer serializer) throws SQLException {
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(database))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(plain)
                .upcasterChain(upcasters)
                .schema(schema())
                .build();
        List<Object> events = new ArrayList<>(engine.readEvents(null, false).map(EventMessage::getPayload).toList());
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT payload_type, payload_revision, payload FROM dead_letter_entry");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                events.add(serializer.deserialize(new SimpleSerializedObject<>(row.getBytes(3), byte[].class, row.getString(1), row.getString(2))));
            }
        }
        return events;
    }

    private static EventSchema schema() {
        return EventSchema.builder().eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index").timestampColumn("time_stamp").eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier").sequenceNumberColumn("sequence_number").typeColumn("type")
                .payloadTypeColumn("payload_type").payloadRevisionColumn("payload_revision").payloadColumn("payload")
                .metaDataColumn("meta_data").build();
    }

    private static void insertEvent(DataSource database, String aggregate, long sequence, SerializedObject<byte[]> payload) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry (event_identifier, "
                     + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                     + "VALUES (?, ?, ?, 'Aggregate', ?, ?, ?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, aggregate);
            insert.setLong(3, sequence);
            insert.setString(4, Instant.parse("2026-11-01T09:00:00Z").toString());
            insert.setString(5, payload.getType().getName());
            insert.setString(6, payload.getType().getRevision());
            insert.setBytes(7, payload.getData());
            insert.setBytes(8, "{}".getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }

    private static void insertDeadLetter(DataSource database, SerializedObject<byte[]> payload) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO dead_letter_entry (dead_letter_id, "
                     + "processing_group, sequence_identifier, sequence_index, message_type, event_identifier, time_stamp, "
                     + "payload_type, payload_revision, payload, meta_data, enqueued_at) "
                     + "VALUES (?, 'workers', 'worker-3', 0, 'org.axonframework.eventhandling.GenericEventMessage', ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, "2026-11-01T09:00:00Z");
            insert.setString(4, payload.getType().getName());
            insert.setString(5, payload.getType().getRevision());
            insert.setBytes(6, payload.getData());
            insert.setBytes(7, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setString(8, "2026-11-01T09:00:01Z");
            insert.executeUpdate();
        }
    }

    /** Every stored payload, events and dead letters, as text. */
    private static String stored(DataSource database) throws SQLException {
        StringBuilder text = new StringBuilder();
        for (String sql : List.of("SELECT payload FROM domain_event_entry", "SELECT payload FROM dead_letter_entry")) {
            try (Connection connection = database.getConnection();
                 PreparedStatement select = connection.prepareStatement(sql);
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    text.append(new String(row.getBytes(1), StandardCharsets.UTF_8)).append('\n');
                }
            }
        }
        return text.toString();
    }

    private static Map<Long, byte[]> payloads(DataSource database) throws SQLException {
        Map<Long, byte[]> payloads = new LinkedHashMap<>();
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT global_index, payload FROM domain_event_entry ORDER BY global_index");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                payloads.put(row.getLong(1), row.getBytes(2));
            }
        }
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT payload FROM dead_letter_entry");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                payloads.put(-1L, row.getBytes(1));
            }
        }
        return payloads;
    }

    private static String column(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet row = select.executeQuery()) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }

    private static void resetProgress(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE personal_data_migration "
                     + "SET done_after = NULL, rows_read = 0, rows_sealed = 0, finished_at = NULL")) {
            update.executeUpdate();
        }
    }

    private static DataSource postgres() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(PostgresDatabases.freshDatabase());
        dataSource.setUser(PostgresDatabases.user());
        dataSource.setPassword(PostgresDatabases.password());
        org.flywaydb.core.Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    /** Axon's serializer, holding the first write of an event until released: the first instance in the middle of its batch. */
    static final class HeldSerializer implements Serializer {

        final CountDownLatch serializing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final Serializer delegate;

        HeldSerializer(Serializer delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
            serializing.countDown();
            try {
                if (!release.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return delegate.serialize(object, expectedRepresentation);
        }

        @Override
        public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
            return delegate.canSerializeTo(expectedRepresentation);
        }

        @Override
        public <S, T> T deserialize(SerializedObject<S> serializedObject) {
            return delegate.deserialize(serializedObject);
        }

        @Override
        public Class classForType(SerializedType type) {
            return delegate.classForType(type);
        }

        @Override
        public SerializedType typeForClass(Class type) {
            return delegate.typeForClass(type);
        }

        @Override
        public Converter getConverter() {
            return delegate.getConverter();
        }
    }
}
