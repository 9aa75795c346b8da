package dev.gigstream.api.personal;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.worker.PayoutAccount;
import dev.gigstream.messages.worker.WorkerProfileUpdated;
import dev.gigstream.messages.worker.WorkerRegistered;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code GIGSTREAM_PERSONAL_DATA_ENCRYPTION=on} on the postgres profile: a worker's name, bio, home and
 * payout account are stored encrypted with the worker's key, the events read back whole, and the REST API
 * answers as it does without encryption.
 */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.personal-data.encryption=on",
        "gigstream.personal-data.master-key=" + PersonalDataEncryptionIT.MASTER_KEY})
class PersonalDataEncryptionIT {

    static final String MASTER_KEY = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq8M=";

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventStore eventStore;

    @Test
    void aWorkersPersonalDataIsStoredEncryptedAndTheApiShowsTheProfileAsBefore() {
        var worker = api.signUp("WORKER");
        var client = api.signUp("CLIENT");

        var saved = api.put("/api/v1/workers/me/profile", WorkerProfileSteps.profile(), worker.accessToken()).expect(200).json();

        assertThat(saved.get("payout").get("accountNumber").asText()).isEqualTo("******6789");
        JsonNode visible = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/workers/" + worker.id(), client.accessToken()),
                r -> r.status() == 200 && r.body().contains("barista")).json();
        assertThat(visible.get("fullName").asText()).isEqualTo(WorkerProfileSteps.NAME);
        assertThat(visible.get("bio").asText()).isEqualTo(WorkerProfileSteps.BIO);
        assertThat(visible.toString()).doesNotContain(WorkerProfileSteps.ACCOUNT_NUMBER);

        List<String> stored = WorkerProfileSteps.storedPayloads(jdbc, worker.id());
        WorkerProfileSteps.assertNothingPersonalInClear(stored, worker.id());
        assertThat(jdbc.sql("SELECT master_key_id FROM personal_key WHERE subject_id = :id").param("id", worker.id())
                .query(String.class).single()).isEqualTo(MasterKeys.of(MASTER_KEY, null).currentId());

        List<Object> read = eventStore.readEvents(worker.id()).asStream().map(DomainEventMessage::getPayload)
                .filter(p -> p instanceof WorkerRegistered || p instanceof WorkerProfileUpdated).map(Object.class::cast).toList();
        assertThat(read).hasSize(2);
        assertThat(read.get(0)).isEqualTo(new WorkerRegistered(WorkerId.of(worker.id()), WorkerProfileSteps.NAME));
        WorkerProfileUpdated updated = (WorkerProfileUpdated) read.get(1);
        assertThat(updated.payout()).isEqualTo(new PayoutAccount("058", WorkerProfileSteps.ACCOUNT_NUMBER, WorkerProfileSteps.NAME));
        assertThat(updated.bio()).isEqualTo(WorkerProfileSteps.BIO);
        assertThat(updated.home().lat()).isEqualTo(6.5095);
    }

    @Test
    void theWorkerUpdatesTheProfileAgainFromTheEncryptedEvents() {
        var worker = api.signUp("WORKER");
        api.put("/api/v1/workers/me/profile", WorkerProfileSteps.profile(), worker.accessToken()).expect(200);

        var again = api.put("/api/v1/workers/me/profile", WorkerProfileSteps.profile(), worker.accessToken()).expect(200).json();

        assertThat(again.get("bio").asText()).isEqualTo(WorkerProfileSteps.BIO);
        WorkerProfileSteps.assertNothingPersonalInClear(WorkerProfileSteps.storedPayloads(jdbc, worker.id()), worker.id());
    }
}
