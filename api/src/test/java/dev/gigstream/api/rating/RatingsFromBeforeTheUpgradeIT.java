package dev.gigstream.api.rating;

import dev.gigstream.api.storage.CommandLookupsStart;
import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.command.lookup.LookupTable;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.job.GeocodedBy;
import dev.gigstream.messages.job.JobCompleted;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobSite;
import dev.gigstream.messages.job.WorkerApplied;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.messages.rating.JobRatingsIds;
import dev.gigstream.messages.rating.RaterRole;
import dev.gigstream.messages.rating.RatingGiven;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jobs that finished under the version before jobs opened their own ratings: their events are stored as
 * that version stored them (no {@code JobRatingsOpened}; a rating given before the upgrade in the ratings'
 * stream), straight into the event store of the running application. Over HTTP they are rated within
 * their window by the same rules as before: the other party rates and both are revealed, whoever rated
 * has rated, and fourteen days after its end a job is rated no more.
 */
@PostgresIT
class RatingsFromBeforeTheUpgradeIT {

    @Autowired
    Api api;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventStorageEngine storage;

    @Autowired
    LookupTable lookupTable;

    @Autowired
    ApplicationContext context;

    @Test
    void aJobFinishedBeforeTheUpgradeIsRatedWithinItsWindowByTheSameRules() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var worker = api.signUp("WORKER");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        String yesterdays = UUID.randomUUID().toString();
        List<GenericDomainEventMessage<?>> stored = new ArrayList<>(finishedJob(yesterdays, client, worker, now.minus(Duration.ofDays(1))));
        stored.add(event("JobRatings", JobRatingsIds.of(yesterdays), 0, new RatingGiven(JobRatingsIds.of(yesterdays), JobId.of(yesterdays),
                client.id(), RaterRole.CLIENT, worker.id(), 5, "Rated before the upgrade", now.minus(Duration.ofHours(20))),
                now.minus(Duration.ofHours(20))));
        String lastMonths = UUID.randomUUID().toString();
        stored.addAll(finishedJob(lastMonths, client, worker, now.minus(Duration.ofDays(15))));
        eventStore.publish(stored.toArray(GenericDomainEventMessage[]::new));
        market.awaitJson("/api/v1/jobs/" + yesterdays, client.accessToken(), job -> "COMPLETED".equals(job.path("status").asText()));
        market.awaitJson("/api/v1/jobs/" + lastMonths, client.accessToken(), job -> "COMPLETED".equals(job.path("status").asText()));

        String ratings = "/api/v1/jobs/" + yesterdays + "/ratings";
        rate(ratings, worker, 4).expect(201);
        var revealed = market.awaitJson(ratings, worker.accessToken(), view -> view.get("revealed").asBoolean());
        assertThat(revealed.get("items").findValuesAsString("byRole")).containsExactlyInAnyOrder("CLIENT", "WORKER");
        assertThat(code(rate(ratings, client, 3), 409)).as("the client rated before the upgrade").isEqualTo("ALREADY_RATED");
        assertThat(code(rate(ratings, worker, 3), 409)).isEqualTo("ALREADY_RATED");

        assertThat(code(rate("/api/v1/jobs/" + lastMonths + "/ratings", client, 5), 409)).isEqualTo("RATING_WINDOW_CLOSED");
    }

    /**
     * A job that finished under the version before the command side's table of jobs ({@code known_job}, V25):
     * its events are stored without the table's row (straight into the storage, past the handlers that keep
     * the table) on a database whose other lookup tables were filled already. The start after the upgrade
     * fills the table, and the job is rated within its window.
     */
    @Test
    void aJobFinishedBeforeTheTableOfJobsIsRatedAfterTheUpgradeStart() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        var worker = api.signUp("WORKER");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String jobId = UUID.randomUUID().toString();
        storage.appendEvents(finishedJob(jobId, client, worker, now.minus(Duration.ofDays(2))));
        lookupTable.update("DELETE FROM command_lookups_filled_table WHERE lookup = 'known_job'");
        market.awaitJson("/api/v1/jobs/" + jobId, client.accessToken(), job -> "COMPLETED".equals(job.path("status").asText()));
        String ratings = "/api/v1/jobs/" + jobId + "/ratings";
        assertThat(code(rate(ratings, client, 5), 404)).as("before the upgrade start the table knows no such job").isEqualTo("NOT_FOUND");

        CommandLookupsStart.fillAsAtStart(context);

        rate(ratings, client, 5).expect(201);
        rate(ratings, worker, 4).expect(201);
        var revealed = market.awaitJson(ratings, worker.accessToken(), view -> view.get("revealed").asBoolean());
        assertThat(revealed.get("items").findValuesAsString("byRole")).containsExactlyInAnyOrder("CLIENT", "WORKER");
        assertThat(code(rate(ratings, client, 3), 409)).isEqualTo("ALREADY_RATED");
    }

    /** A job posted, applied to, hired and completed at {@code finishedAt}, as the previous version stored it. */
    private static List<GenericDomainEventMessage<?>> finishedJob(String jobId, Api.User client, Api.User worker, Instant finishedAt) {
        Instant posted = finishedAt.minus(Duration.ofDays(2));
        ShiftWindow shift = new ShiftWindow(finishedAt.minus(Duration.ofHours(6)), finishedAt.minus(Duration.ofHours(2)));
        Money pay = Money.of(50_000, Currency.GHS);
        return List.of(
                event("Job", jobId, 0, new JobPosted(JobId.of(jobId), client.id(), "Welder", "Gate repair", List.of("welder"),
                        new JobSite(new GeoPoint(5.6037, -0.187), "Osu, Accra", GeocodedBy.GAZETTEER), shift, pay, posted), posted),
                event("Job", jobId, 1, new WorkerApplied(JobId.of(jobId), WorkerId.of(worker.id()), null, posted.plusSeconds(60)), posted.plusSeconds(60)),
                event("Job", jobId, 2, new WorkerHired(JobId.of(jobId), WorkerId.of(worker.id()), client.id(), pay, EscrowId.of(UUID.randomUUID().toString()),
                        shift.start()), posted.plusSeconds(120)),
                event("Job", jobId, 3, new JobCompleted(JobId.of(jobId), WorkerId.of(worker.id())), finishedAt));
    }

    private static GenericDomainEventMessage<?> event(String type, String aggregateId, long sequence, Object payload, Instant at) {
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at);
    }

    private Api.Response rate(String path, Api.User rater, int stars) {
        return api.post(path, Map.of("stars", stars), rater.accessToken());
    }

    private static String code(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json().get("code").asText();
    }
}
