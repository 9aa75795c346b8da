package dev.gigstream.api.storage;

import dev.gigstream.api.personal.MasterKeys;
import dev.gigstream.api.personal.PersonalDataSerializer;
import dev.gigstream.api.personal.PersonalKeys;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal data through Axon's JDBC event store on the embedded profile's database, with the event schema the application uses. */
class PersonalDataInEventStoreTest {

    record ProfileChanged(@NotPersonal String workerId, @PersonalData(subject = "workerId") String phone, int radiusKm) {
    }

    private static final ProfileChanged CHANGED = new ProfileChanged("worker-1", "+2348031234567", 12);

    private JdbcDataSource dataSource;
    private PersonalKeys keys;
    private JdbcEventStorageEngine engine;

    @BeforeEach
    void setUp() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        keys = new PersonalKeys(dataSource, MasterKeys.of(Base64.getEncoder().encodeToString(masterKey), null), Clock.systemUTC(), 100, Duration.ofMinutes(1));
        Serializer axon = Jackson3Serializer.builder().build();
        engine = JdbcEventStorageEngine.builder()
                .eventSerializer(new PersonalDataSerializer(axon, keys))
                .snapshotSerializer(axon)
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new AxonStorageConfiguration().eventSchema())
                .build();
        engine.appendEvents(new GenericDomainEventMessage<>("Worker", "worker-1", 0, CHANGED));
    }

    @Test
    void theStoredPayloadHoldsNoPersonalValueAndTheEventReadsWhole() throws SQLException {
        assertThat(storedPayload()).doesNotContain("2348031234567").contains("\"phone\":\"pd1:1:worker-1:", "\"radiusKm\":12");
        assertThat(payloads()).containsExactly(CHANGED);
    }

    @Test
    void afterTheKeyIsShreddedTheEventReadsErased() {
        keys.shred("worker-1");

        assertThat(payloads()).containsExactly(new ProfileChanged("worker-1", "[erased]", 12));
    }

    private List<Object> payloads() {
        return engine.readEvents("worker-1").asStream().map(DomainEventMessage::getPayload).collect(Collectors.toList());
    }

    private String storedPayload() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT payload FROM domain_event_entry")) {
            assertThat(rs.next()).isTrue();
            return new String(rs.getBytes(1), StandardCharsets.UTF_8);
        }
    }
}
