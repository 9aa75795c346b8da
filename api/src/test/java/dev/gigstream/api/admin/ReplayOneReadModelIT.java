package dev.gigstream.api.admin;

import dev.gigstream.api.messaging.ProjectionProcessors;
import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.query.common.SharedProcessor;
import dev.gigstream.query.testing.ProfileUpdateCounts;
import dev.gigstream.query.escrow.EscrowProjection;
import dev.gigstream.query.feed.JobFeedProjection;
import dev.gigstream.query.worker.WorkerProfileProjection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Read models share processors, yet a replay rebuilds one of them: the others of its processor are
 * never emptied and stay current, and the rebuilt one ends with every event applied once, including
 * the events posted while it was being rebuilt and after it was handed back.
 */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.auth.admin.email=" + Marketplace.ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + Marketplace.ADMIN_PASSWORD})
class ReplayOneReadModelIT {

    /** Job and people read models, in-order read models, pushers, the open-job index, job matching, account suspensions, the saga (21 before). */
    private static final int MAX_PROCESSORS = 8;

    @Autowired
    Api api;

    @Autowired
    ProjectionProcessors processors;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    MongoDatabase readModels;

    @TestConfiguration
    @Import(ProfileUpdateCounts.class)
    static class WithCountingReadModel {
    }

    @Test
    void readModelsOfOneKindShareOneProcessor() {
        var people = processing.eventProcessorByProcessingGroup(WorkerProfileProjection.NAME).orElseThrow();
        assertThat(people.getName()).isEqualTo(SharedProcessor.PEOPLE_READ_MODELS);
        assertThat(processing.eventProcessorByProcessingGroup(ProfileUpdateCounts.NAME)).containsSame(people);
        assertThat(processing.eventProcessorByProcessingGroup(EscrowProjection.NAME)).containsSame(people);
        assertThat(processing.eventProcessorByProcessingGroup(JobFeedProjection.NAME).orElseThrow().getName())
                .isEqualTo(SharedProcessor.JOB_READ_MODELS);
        assertThat(processing.eventProcessors().values()).filteredOn(StreamingEventProcessor.class::isInstance)
                .as("processors reading the stream: 21 before read models shared processors")
                .hasSizeLessThanOrEqualTo(MAX_PROCESSORS);
    }

    @Test
    void aReplayRebuildsOneReadModelWhileTheOthersOfItsProcessorKeepServing() {
        String admin = new Marketplace(api).admin().accessToken();
        List<Api.User> workers = List.of(api.signUp("WORKER"), api.signUp("WORKER"), api.signUp("WORKER"));
        for (int round = 1; round <= 2; round++) {
            for (Api.User worker : workers) {
                update(worker, "before " + round);
            }
        }
        awaitCounts(workers, 2);

        int resetsBefore = ProfileUpdateCounts.resets.get();
        ProfileUpdateCounts.replayHeld = new CountDownLatch(1);
        api.post("/api/v1/admin/projections/" + ProfileUpdateCounts.NAME + "/replay", null, admin).expect(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> ProfileUpdateCounts.resets.get() == resetsBefore + 1
                && status(admin, ProfileUpdateCounts.NAME).get("replaying").asBoolean());
        assertThat(processors.replaying(SharedProcessor.PEOPLE_READ_MODELS)).isTrue();
        assertThat(code(api.post("/api/v1/admin/projections/" + ProfileUpdateCounts.NAME + "/replay", null, admin), 409))
                .as("one rebuild at a time").isEqualTo("PROJECTION_BUSY");

        // while the rebuild waits, the worker profiles (same processor) keep their documents and follow
        for (int round = 1; round <= 2; round++) {
            for (Api.User worker : workers) {
                String bio = "during " + round + " " + worker.id();
                update(worker, bio);
                await().atMost(Duration.ofSeconds(15)).until(
                        () -> api.get("/api/v1/workers/" + worker.id(), admin).expect(200).body().contains(bio));
            }
        }
        assertThat(status(admin, WorkerProfileProjection.NAME).get("replaying").asBoolean()).isFalse();
        assertThat(ProfileUpdateCounts.resets.get()).as("only the replayed read model was reset").isEqualTo(resetsBefore + 1);

        ProfileUpdateCounts.replayHeld.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> !processors.replaying(SharedProcessor.PEOPLE_READ_MODELS));
        awaitCounts(workers, 4);

        // handed back to the shared processor: what comes next is applied once
        for (Api.User worker : workers) {
            update(worker, "after");
        }
        awaitCounts(workers, 5);
        await().atMost(Duration.ofSeconds(15)).until(() -> caughtUp(admin, ProfileUpdateCounts.NAME)
                && caughtUp(admin, WorkerProfileProjection.NAME));
        for (Api.User worker : workers) {
            assertThat(ProfileUpdateCounts.counts.get(worker.id())).as("every update applied once").isEqualTo(5);
        }
    }

    @Test
    void aRebuildThatAStoppedInstanceLeftUnfinishedStartsAgain() {
        List<Api.User> workers = List.of(api.signUp("WORKER"), api.signUp("WORKER"));
        for (Api.User worker : workers) {
            update(worker, "once");
        }
        awaitCounts(workers, 1);
        ProfileUpdateCounts.counts.clear(); // what a half-done rebuild leaves
        int resetsBefore = ProfileUpdateCounts.resets.get();
        readModels.getCollection("read_model_rebuilds").insertOne(new Document("_id", ProfileUpdateCounts.NAME));

        processors.resumeUnfinishedRebuilds();

        await().atMost(Duration.ofSeconds(30)).until(() -> !processors.replaying(SharedProcessor.PEOPLE_READ_MODELS));
        assertThat(ProfileUpdateCounts.resets.get()).isEqualTo(resetsBefore + 1);
        awaitCounts(workers, 1);
        assertThat(readModels.getCollection("read_model_rebuilds").countDocuments()).as("handed over").isZero();
    }

    private void update(Api.User worker, String bio) {
        api.put("/api/v1/workers/me/profile", Map.of("skills", List.of("cook"), "bio", bio,
                "home", Map.of("lat", 6.45, "lng", 3.39), "availability", List.of()), worker.accessToken()).expect(200);
    }

    private static void awaitCounts(List<Api.User> workers, int each) {
        await().atMost(Duration.ofSeconds(30)).until(() -> workers.stream()
                .allMatch(worker -> Integer.valueOf(each).equals(ProfileUpdateCounts.counts.get(worker.id()))));
    }

    private JsonNode status(String admin, String projection) {
        JsonNode projections = api.get("/api/v1/admin/projections", admin).expect(200).json();
        return StreamSupport.stream(projections.spliterator(), false)
                .filter(p -> projection.equals(p.get("name").asText())).findFirst().orElseThrow();
    }

    private boolean caughtUp(String admin, String projection) {
        JsonNode status = status(admin, projection);
        return !status.get("position").isNull() && !status.get("replaying").asBoolean() && status.get("lag").asLong() == 0;
    }

    private static String code(Api.Response response, int status) {
        response.expect(status);
        assertThat(response.isProblem()).isTrue();
        return response.json().get("code").asText();
    }
}
