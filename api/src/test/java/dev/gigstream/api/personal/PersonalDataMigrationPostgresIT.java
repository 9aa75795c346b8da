package dev.gigstream.api.personal;

import dev.gigstream.api.personal.PersonalDataMigration.Store;
import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.PostgresDatabases;
import dev.gigstream.api.testsupport.RestartableApp;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application on the postgres profile, run with encryption off, then started with it on: the one-time
 * migration encrypts in place what the first run stored in clear, in batches, and the worker's events read
 * as before through the event store.
 */
class PersonalDataMigrationPostgresIT {

    @Test
    void eventsStoredWithEncryptionOffAreEncryptedInPlaceOnceTheAppStartsWithItOn() {
        RestartableApp off = new RestartableApp("--gigstream.personal-data.encryption=off");
        String workerId;
        List<Object> before;
        try (ConfigurableApplicationContext app = off.start()) {
            Api api = new Api(port(app));
            var worker = api.signUp("WORKER");
            api.put("/api/v1/workers/me/profile", WorkerProfileSteps.profile(), worker.accessToken()).expect(200);
            workerId = worker.id();
            before = events(app, workerId);
            assertThat(app.getBeanProvider(PersonalDataMigration.class).getIfAvailable()).as("off: nothing of it").isNull();
        }
        JdbcClient jdbc = JdbcClient.create(database(off));
        assertThat(String.join("\n", WorkerProfileSteps.storedPayloads(jdbc, workerId)))
                .contains(WorkerProfileSteps.NAME, WorkerProfileSteps.BIO, WorkerProfileSteps.ACCOUNT_NUMBER);

        try (ConfigurableApplicationContext app = off.withSettings("--gigstream.personal-data.migration.batch-size=2").start()) {
            PersonalDataMigration migration = app.getBean(PersonalDataMigration.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> migration.progress(Store.EVENTS).finished()
                    && migration.progress(Store.DEAD_LETTERS).finished());
            assertThat(migration.progress(Store.EVENTS).rowsSealed()).isGreaterThanOrEqualTo(2);
            assertThat(events(app, workerId)).as("the worker's events read as before").isEqualTo(before);
        }
        WorkerProfileSteps.assertNothingPersonalInClear(WorkerProfileSteps.storedPayloads(jdbc, workerId), workerId);
    }

    private static List<Object> events(ConfigurableApplicationContext app, String aggregateId) {
        return app.getBean(EventStore.class).readEvents(aggregateId).asStream().map(DomainEventMessage::getPayload)
                .map(Object.class::cast).toList();
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private static PGSimpleDataSource database(RestartableApp app) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(app.databaseUrl());
        dataSource.setUser(PostgresDatabases.user());
        dataSource.setPassword(PostgresDatabases.password());
        return dataSource;
    }
}
