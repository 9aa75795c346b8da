package dev.gigstream.api.personal;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PackagedApp;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged app on the embedded default, where encryption is on by default, with no master key: it generates
 * a development key in its data directory, says so, stores a worker's personal data encrypted in its H2 event
 * store, and after a restart reads it with the same key. And an app that ran with encryption off (its events in
 * clear) switched on: the one-time migration encrypts what was stored, and the worker's profile reads as before.
 */
class PersonalDataEncryptionEmbeddedIT {

    private final PackagedApp app = PackagedApp.embedded("personal-data-embedded");

    @AfterEach
    void stop() throws InterruptedException {
        app.stop();
    }

    @Test
    void aWorkersPersonalDataIsStoredEncryptedWithTheDevelopmentKeyAndReadAfterARestart() throws Exception {
        app.start();
        var worker = app.api().signUp("WORKER");
        app.api().put("/api/v1/workers/me/profile", WorkerProfileSteps.profile(), worker.accessToken()).expect(200);

        assertThat(app.logText()).contains("Generated a DEVELOPMENT master key for personal data");
        assertThat(app.dataDir().resolve(MasterKeys.DEV_KEY_FILE)).isRegularFile();
        String devKey = Files.readString(app.dataDir().resolve(MasterKeys.DEV_KEY_FILE));
        app.stop();
        JdbcClient h2 = JdbcClient.create(h2(app));
        WorkerProfileSteps.assertNothingPersonalInClear(WorkerProfileSteps.storedPayloads(h2, worker.id()), worker.id());
        assertThat(h2.sql("SELECT master_key_id FROM personal_key WHERE subject_id = :id").param("id", worker.id())
                .query(String.class).single()).isEqualTo(MasterKeys.of(devKey, null).currentId());

        app.start();
        var again = app.api().logIn(worker.email(), Api.PASSWORD, worker.id());
        var saved = app.api().put("/api/v1/workers/me/profile", WorkerProfileSteps.profile(), again.accessToken()).expect(200).json();

        assertThat(saved.get("bio").asText()).isEqualTo(WorkerProfileSteps.BIO);
        assertThat(saved.get("payout").get("accountNumber").asText()).isEqualTo("******6789");
        assertThat(app.logText()).contains("Wrapping personal data keys with the generated DEVELOPMENT master key");
    }

    @Test
    void eventsStoredWithEncryptionOffAreEncryptedInPlaceOnceItIsOn() throws Exception {
        app.with("GIGSTREAM_PERSONAL_DATA_ENCRYPTION", "off").start();
        var worker = app.api().signUp("WORKER");
        app.api().put("/api/v1/workers/me/profile", WorkerProfileSteps.profile(), worker.accessToken()).expect(200);
        String auditedBefore = auditedEvents(app, worker.id());
        assertThat(auditedBefore).contains(WorkerProfileSteps.NAME, WorkerProfileSteps.BIO);
        app.stop();
        JdbcClient h2 = JdbcClient.create(h2(app));
        assertThat(String.join("\n", WorkerProfileSteps.storedPayloads(h2, worker.id())))
                .as("off stores them in clear").contains(WorkerProfileSteps.NAME, WorkerProfileSteps.BIO, WorkerProfileSteps.ACCOUNT_NUMBER);
        assertThat(app.logText()).doesNotContain("master key for personal data");

        app.with("GIGSTREAM_PERSONAL_DATA_ENCRYPTION", "on").with("GIGSTREAM_PERSONAL_DATA_MIGRATION_BATCH_SIZE", "3").start();
        await().atMost(Duration.ofSeconds(60)).until(() -> app.logText().contains("Personal data migration of domain_event_entry done"));
        assertThat(auditedEvents(app, worker.id())).as("the events read through the app as before").isEqualTo(auditedBefore);
        app.stop();

        WorkerProfileSteps.assertNothingPersonalInClear(WorkerProfileSteps.storedPayloads(h2, worker.id()), worker.id());
        assertThat(h2.sql("SELECT finished_at IS NOT NULL FROM personal_data_migration WHERE store = 'domain_event_entry'")
                .query(Boolean.class).single()).isTrue();
        app.start();
        var again = app.api().logIn(worker.email(), Api.PASSWORD, worker.id());
        var saved = app.api().put("/api/v1/workers/me/profile", WorkerProfileSteps.profile(), again.accessToken()).expect(200).json();
        assertThat(saved.get("bio").asText()).isEqualTo(WorkerProfileSteps.BIO);
        assertThat(auditedEvents(app, worker.id())).startsWith(auditedBefore.substring(0, auditedBefore.length() - 1));
    }

    private static String auditedEvents(PackagedApp app, String aggregateId) {
        var admin = app.api().logIn(Marketplace.ADMIN_EMAIL, Marketplace.ADMIN_PASSWORD, null);
        return app.api().get("/api/v1/audit/aggregates/" + aggregateId + "/events", admin.accessToken()).expect(200).json().toString();
    }

    private static JdbcDataSource h2(PackagedApp app) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + app.dataDir().toAbsolutePath().resolve("gigstream")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        dataSource.setUser("sa");
        return dataSource;
    }
}
