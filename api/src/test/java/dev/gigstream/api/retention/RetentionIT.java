package dev.gigstream.api.retention;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.MovableTime;
import dev.gigstream.api.testsupport.PostgresIT;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static dev.gigstream.api.testsupport.Marketplace.ADMIN_EMAIL;
import static dev.gigstream.api.testsupport.Marketplace.ADMIN_PASSWORD;
import static dev.gigstream.api.testsupport.Marketplace.SITE;
import static dev.gigstream.api.testsupport.MovableTime.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The retention sweep end to end on the postgres profile: personal data made over HTTP, time moved past
 * one period after another, the recurring task made due and run by db-scheduler. The periods are set
 * apart so that each step deletes one kind and keeps the next.
 */
@PostgresIT
@Import(MovableTime.class)
@TestPropertySource(properties = {
        "gigstream.auth.admin.email=" + ADMIN_EMAIL,
        "gigstream.auth.admin.password=" + ADMIN_PASSWORD,
        "gigstream.retention.share-links=1d",
        "gigstream.retention.location-pings=2d",
        "gigstream.retention.notifications=3d",
        "gigstream.retention.refresh-tokens=1d",
        "gigstream.retention.audit-reads=40d"})
class RetentionIT {

    static final Duration MARGIN = Duration.ofMinutes(1);
    static final Duration REFRESH_TOKEN_TTL = Duration.ofDays(30);

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MongoDatabase readModels;

    @AfterEach
    void realTime() {
        CLOCK.reset();
    }

    @Test
    void eachKindOfPersonalDataIsDeletedOnceItsPeriodIsOverAndNotBefore() {
        Instant start = Instant.now();
        var market = new Marketplace(api);
        var hire = market.hiredShift();
        market.payByWebhook(hire.answer(), hire.client(), hire.jobId());
        api.post("/api/v1/jobs/" + hire.jobId() + "/location", Map.of("lat", SITE.get("lat"), "lng", SITE.get("lng")),
                hire.worker().accessToken()).expect(202);
        String share = "/api/v1/location-shares/" + api.post("/api/v1/jobs/" + hire.jobId() + "/location-shares",
                Map.of("hours", 1), hire.worker().accessToken()).expect(201).json().get("token").asText();
        api.get("/api/v1/audit/reads", market.admin().accessToken()).expect(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> market.inbox(hire.worker()).contains("escrow.funded"));
        Instant made = Instant.now();
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = :name").param("name", RetentionSweep.TASK)
                .query(Long.class).single()).as("one recurring task, whatever the number of instances").isEqualTo(1);

        sweepAt(start.plus(Duration.ofHours(1)).plus(Duration.ofDays(1)).minus(MARGIN));
        assertThat(code(api.get(share, null), 410)).as("the link expired an hour after it was made, and is kept a day")
                .isEqualTo("SHARE_EXPIRED");
        assertThat(pings(hire)).isEqualTo(3);

        sweepAt(made.plus(Duration.ofHours(1)).plus(Duration.ofDays(1)).plus(MARGIN));
        assertThat(code(api.get(share, null), 404)).isEqualTo("SHARE_NOT_FOUND");
        assertThat(pings(hire)).as("the ping, the job's latest, the worker's tracker: kept two days").isEqualTo(3);

        sweepAt(made.plus(Duration.ofDays(2)).plus(MARGIN));
        assertThat(pings(hire)).isZero();
        var client = api.logIn(hire.client().email(), Api.PASSWORD, hire.client().id());
        assertThat(code(api.get("/api/v1/jobs/" + hire.jobId() + "/location", client.accessToken()), 404))
                .isEqualTo("NO_LOCATION_YET");
        assertThat(notifications(hire)).as("kept three days").isPositive();

        sweepAt(made.plus(Duration.ofDays(3)).plus(MARGIN));
        assertThat(notifications(hire)).isZero();
        assertThat(refreshTokensIssuedBefore(made)).as("expiring after 30 days, kept a day longer").isPositive();

        sweepAt(made.plus(REFRESH_TOKEN_TTL).plus(Duration.ofDays(1)).plus(MARGIN));
        assertThat(refreshTokensIssuedBefore(made)).isZero();
        assertThat(rows("refresh_token")).as("the client's login two days later").isEqualTo(1);
        assertThat(rows("audit_read")).as("kept 40 days").isPositive();

        sweepAt(made.plus(Duration.ofDays(40)).plus(MARGIN));
        assertThat(rows("audit_read")).isZero();
    }

    /** Moves the application's clock to {@code at} and has db-scheduler run the sweep now (it polls every second). */
    private void sweepAt(Instant at) {
        CLOCK.reset();
        CLOCK.moveBy(Duration.between(Instant.now(), at));
        OffsetDateTime due = OffsetDateTime.now(ZoneOffset.UTC);
        assertThat(jdbc.sql("UPDATE scheduled_tasks SET execution_time = :now WHERE task_name = :name")
                .param("now", due).param("name", RetentionSweep.TASK).update()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "SELECT last_success FROM scheduled_tasks WHERE task_name = :name")
                .param("name", RetentionSweep.TASK).query(OffsetDateTime.class).optional()
                .filter(last -> !last.isBefore(due)).isPresent());
    }

    private long pings(Marketplace.Hire hire) {
        return count("location_pings", Filters.eq("jobId", hire.jobId()))
                + count("location_latest", Filters.eq("_id", hire.jobId()))
                + count("location_trackers", Filters.eq("_id", hire.worker().id()));
    }

    private long notifications(Marketplace.Hire hire) {
        return count("notifications", Filters.in("userId", hire.worker().id(), hire.client().id()));
    }

    private long count(String collection, Bson filter) {
        return readModels.getCollection(collection).countDocuments(filter);
    }

    private long refreshTokensIssuedBefore(Instant instant) {
        return jdbc.sql("SELECT count(*) FROM refresh_token WHERE issued_at < :at")
                .param("at", instant.atOffset(ZoneOffset.UTC)).query(Long.class).single();
    }

    private long rows(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static String code(Api.Response response, int status) {
        response.expect(status);
        return response.json().get("code").asText();
    }
}
