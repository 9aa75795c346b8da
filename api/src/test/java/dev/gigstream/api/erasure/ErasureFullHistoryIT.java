package dev.gigstream.api.erasure;

import com.mongodb.client.MongoDatabase;
import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.api.testsupport.RedisBackedIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The erasure test of issue 26 on the postgres profile (with Redis): a worker with a full history is erased,
 * and their name, e-mail, phone and account number are found in clear in no store (event payloads, snapshots,
 * saga state, dead letters, every other table, every MongoDB collection, every Redis key and value), neither
 * at once nor after every read model was replayed.
 */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.personal-data.encryption=on",
        "gigstream.personal-data.master-key=" + ErasureIT.MASTER_KEY,
        "gigstream.snapshots.worker-every=2",
        "gigstream.snapshots.job-every=2",
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD})
class ErasureFullHistoryIT extends RedisBackedIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MongoDatabase readModels;

    @Autowired
    StringRedisTemplate redis;

    @Value("${gigstream.redis.key-prefix}")
    String redisPrefix;

    @Test
    void noneOfAnErasedWorkersDataIsFoundInAnyStoreNorAfterAReplay() {
        var market = new Marketplace(api);
        var admin = market.admin();
        FullHistory history = FullHistory.of(market, admin);

        StoreSearch before = search();
        assertThat(before.whereFound(history.needles())).as("the search finds the data before the erasure")
                .containsKeys("table account", "collection worker_profiles", "collection payout_accounts");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier IN (:ids)")
                .param("ids", List.of(history.worker.id(), history.jobId)).query(Long.class).single())
                .as("snapshots were taken").isPositive();

        api.post("/api/v1/me/erasure", null, history.worker.accessToken()).expect(202);

        StoreSearch after = search();
        for (String store : List.of("table domain_event_entry", "table snapshot_event_entry", "table saga_entry",
                "table dead_letter_entry", "table account", "collection worker_profiles", "redis")) {
            assertThat(after.searched(store)).as(store).isTrue();
        }
        assertThat(after.whereFound(history.needles())).as("found after the erasure").isEmpty();
        JsonNode profile = api.get("/api/v1/workers/" + history.worker.id(), history.client.accessToken()).expect(200).json();
        assertThat(profile.get("fullName").asText()).isEqualTo("[erased]");

        ReadModelReplays.replayEvery(api, admin);
        history.awaitRebuilt(api);
        StoreSearch replayed = search();
        assertThat(replayed.whereFound(history.needles())).as("found after a replay of every read model").isEmpty();
        assertThat(replayed.text("table dead_letter_entry")).as("events the replay could not project").isEmpty();
        JsonNode replayedProfile = api.get("/api/v1/workers/" + history.worker.id(), history.client.accessToken()).expect(200).json();
        assertThat(replayedProfile.get("fullName").asText()).isEqualTo("[erased]");
    }

    private StoreSearch search() {
        return StoreSearch.of(jdbc, readModels, redis, redisPrefix);
    }
}
