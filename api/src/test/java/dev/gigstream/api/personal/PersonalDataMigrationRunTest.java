package dev.gigstream.api.personal;

import dev.gigstream.api.personal.PersonalDataMigration.Store;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.worker.WorkerRegistered;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The start of the migration on the {@code axonserver} profile, whose events cannot be rewritten (an event store
 * in memory stands for Axon Server): a store holding events never migrated refuses the start unless accepted,
 * an empty one is recorded as migrated; the dead letters, relational on every profile, are migrated.
 */
class PersonalDataMigrationRunTest {

    private final DataSource database = H2Keys.migratedDatabase();
    private final PersonalDataMigration migration = new PersonalDataMigration(database,
            new PersonalDataSerializer(Jackson3Serializer.builder().build(), new PersonalKeys(database,
                    MasterKeys.of(H2Keys.newMasterKey(), null), PersonalKeysTest.CLOCK, 10, Duration.ofMinutes(1))),
            new EventUpcasterChain(), PersonalKeysTest.CLOCK, 10);
    private final EmbeddedEventStore axonServer = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private PersonalDataMigrationRun run;

    @AfterEach
    void stop() throws InterruptedException {
        axonServer.shutDown();
        if (run != null) {
            run.destroy();
        }
    }

    @Test
    void overAnAxonServerStoreHoldingEventsFromBeforeEncryptionTheStartIsRefusedUnlessAccepted() {
        axonServer.publish(new GenericDomainEventMessage<>("WorkerAggregate", "worker-1", 0,
                new WorkerRegistered(WorkerId.of("worker-1"), "Adaeze Okafor")));

        assertThatIllegalStateException().isThrownBy(() -> new PersonalDataMigrationRun(migration, () -> axonServer, true, "refuse").run(null))
                .withMessageContaining("Axon Server cannot rewrite").withMessageContaining("GIGSTREAM_PERSONAL_DATA_AXON_SERVER_CLEAR_HISTORY=accept");
        assertThat(migration.progress(Store.DEAD_LETTERS).finished()).isFalse();

        run = new PersonalDataMigrationRun(migration, () -> axonServer, true, " ACCEPT");
        run.run(null);
        await().atMost(Duration.ofSeconds(10)).until(run::idle);
        assertThat(migration.progress(Store.DEAD_LETTERS).finished()).isTrue();
        assertThat(migration.progress(Store.EVENTS).finished()).as("still not migrated: the warning comes at every start").isFalse();
    }

    @Test
    void overAnEmptyAxonServerStoreTheEventsAreRecordedAsMigrated() {
        run = new PersonalDataMigrationRun(migration, () -> axonServer, true, "refuse");
        run.run(null);
        await().atMost(Duration.ofSeconds(10)).until(run::idle);

        assertThat(migration.progress(Store.EVENTS).finished()).isTrue();
        assertThat(migration.progress(Store.DEAD_LETTERS).finished()).isTrue();
        axonServer.publish(new GenericDomainEventMessage<>("WorkerAggregate", "worker-1", 0,
                new WorkerRegistered(WorkerId.of("worker-1"), "Adaeze Okafor")));
        new PersonalDataMigrationRun(migration, () -> axonServer, true, "refuse").run(null);
    }

    @Test
    void onTheRelationalStoreBothAreMigrated() {
        run = new PersonalDataMigrationRun(migration, () -> axonServer, false, "refuse");
        run.run(null);
        await().atMost(Duration.ofSeconds(10)).until(run::idle);

        assertThat(migration.progress(Store.EVENTS).finished()).isTrue();
        assertThat(migration.progress(Store.DEAD_LETTERS).finished()).isTrue();
    }

    @Test
    void aClearHistoryValueOtherThanRefuseOrAcceptRefusesToStart() {
        assertThatIllegalStateException().isThrownBy(() -> new PersonalDataMigrationRun(migration, () -> axonServer, true, "yes"))
                .withMessageContaining("must be refuse or accept, not 'yes'");
    }
}
