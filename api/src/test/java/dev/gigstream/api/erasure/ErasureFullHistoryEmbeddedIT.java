package dev.gigstream.api.erasure;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PackagedApp;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The erasure test of issue 26 on the embedded default (H2 and the in-process MongoDB server, both in files): the
 * packaged app erases a worker with a full history; stopped, its files are searched, every table and collection,
 * for the worker's name, e-mail, phone and account number; then every read model is replayed and they are
 * searched again.
 */
class ErasureFullHistoryEmbeddedIT {

    private final PackagedApp app = PackagedApp.embedded("erasure-embedded")
            .with("GIGSTREAM_PERSONAL_DATA_ENCRYPTION", "on")
            .with("GIGSTREAM_PAYMENTS", "paystack")
            .with("GIGSTREAM_SNAPSHOTS_WORKER_EVERY", "2")
            .with("GIGSTREAM_SNAPSHOTS_JOB_EVERY", "2");

    @AfterEach
    void stop() throws InterruptedException {
        app.stop();
    }

    @Test
    void noneOfAnErasedWorkersDataIsFoundInTheEmbeddedStoresNorAfterAReplay() throws Exception {
        app.start();
        var market = new Marketplace(app.api());
        var admin = market.admin();
        FullHistory history = FullHistory.of(market, admin);
        app.api().post("/api/v1/me/erasure", null, history.worker.accessToken()).expect(202);
        assertThat(app.api().get("/api/v1/workers/" + history.worker.id(), history.client.accessToken()).expect(200).json()
                .get("fullName").asText()).isEqualTo("[erased]");
        app.stop();

        StoreSearch erased = search(history);
        assertThat(erased.whereFound(history.needles())).as("found after the erasure").isEmpty();

        app.start();
        ReadModelReplays.replayEvery(app.api(), market.admin());
        history.awaitRebuilt(app.api());
        app.stop();
        StoreSearch replayed = search(history);
        assertThat(replayed.whereFound(history.needles())).as("found after a replay of every read model").isEmpty();
        assertThat(replayed.text("table dead_letter_entry")).as("events the replay could not project").isEmpty();
    }

    /** The stopped app's files, searched through H2 and an in-process MongoDB server of the test's own on them. */
    private StoreSearch search(FullHistory history) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + app.dataDir().toAbsolutePath().resolve("gigstream")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        h2.setUser("sa");
        MongoServer server = new MongoServer(new H2Backend(app.dataDir().resolve("readmodels.mv").toString()));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            StoreSearch search = StoreSearch.of(JdbcClient.create(h2), client.getDatabase("gigstream"), null, null);
            for (String store : List.of("table domain_event_entry", "table snapshot_event_entry", "table saga_entry",
                    "table dead_letter_entry", "table account", "collection worker_profiles", "collection ratings")) {
                assertThat(search.searched(store)).as(store).isTrue();
            }
            assertThat(search.text("table domain_event_entry")).as("the worker's events are searched").contains(history.worker.id());
            assertThat(search.text("collection worker_profiles")).as("the worker's profile is searched").contains(history.worker.id());
            return search;
        } finally {
            server.shutdownNow();
        }
    }
}
