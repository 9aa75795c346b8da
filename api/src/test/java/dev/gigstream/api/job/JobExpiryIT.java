package dev.gigstream.api.job;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.MovableTime;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static dev.gigstream.api.testsupport.MovableTime.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open jobs expire through the sweep, a recurring task in the database, once their shift has started:
 * time is moved, not waited for, and the sweep is made due at once rather than in its interval.
 */
@PostgresIT
@Import(MovableTime.class)
class JobExpiryIT {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        CLOCK.reset();
    }

    @Test
    void anOpenJobExpiresOnceItsShiftStartedWhileAHiredOneAndALaterOneStay() {
        var market = new Marketplace(api);
        var client = api.signUp("CLIENT");
        String soon = market.jobStartingIn(client, Duration.ofMinutes(30));
        String later = market.jobStartingIn(client, Duration.ofHours(3));
        var hired = market.hire(client, market.worker());
        market.awaitJob(later, client.accessToken(), job -> "OPEN".equals(job.get("status").asText()));

        assertThat(sweepTasks()).as("the sweep is one recurring task, whatever the number of jobs").isEqualTo(1);
        CLOCK.moveBy(Duration.ofMinutes(31));
        sweepNow();

        market.awaitJob(soon, client.accessToken(), job -> "EXPIRED".equals(job.get("status").asText()));
        assertThat(api.get("/api/v1/jobs/" + later, client.accessToken()).expect(200).json().get("status").asText())
                .as("its shift has not started").isEqualTo("OPEN");
        assertThat(api.get("/api/v1/jobs/" + hired.jobId(), client.accessToken()).expect(200).json().get("status").asText())
                .as("somebody was hired").isEqualTo("HIRED");
    }

    private long sweepTasks() {
        return jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = :name")
                .param("name", JobExpirySweep.TASK).query(Long.class).single();
    }

    /** The recurring task becomes due now (db-scheduler picks it up at its next poll, within a second). */
    private void sweepNow() {
        int moved = jdbc.sql("UPDATE scheduled_tasks SET execution_time = :now WHERE task_name = :name")
                .param("now", OffsetDateTime.now(ZoneOffset.UTC))
                .param("name", JobExpirySweep.TASK)
                .update();
        assertThat(moved).isEqualTo(1);
    }
}
