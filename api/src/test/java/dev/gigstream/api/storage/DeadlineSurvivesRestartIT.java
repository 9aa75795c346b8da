package dev.gigstream.api.storage;

import dev.gigstream.api.GigstreamApplication;
import dev.gigstream.api.testsupport.FreshStores;
import dev.gigstream.api.testsupport.PostgresDatabases;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A deadline scheduled before a restart fires after it: deadlines live in the database, not in memory. */
class DeadlineSurvivesRestartIT {

    private final String databaseUrl = PostgresDatabases.freshDatabase();

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(GigstreamApplication.class, Reminder.class)
                .profiles("postgres")
                .run("--server.port=0",
                        "--spring.datasource.url=" + databaseUrl,
                        "--spring.datasource.username=" + PostgresDatabases.user(),
                        "--spring.datasource.password=" + PostgresDatabases.password(),
                        "--gigstream.auth.jwt-secret=" + FreshStores.JWT_SECRET,
                        "--gigstream.personal-data.master-key=" + FreshStores.PERSONAL_DATA_MASTER_KEY);
    }

    @Test
    void aDeadlineScheduledBeforeARestartFiresAfterIt() {
        String reminderId = UUID.randomUUID().toString();
        Instant due;
        try (ConfigurableApplicationContext first = start()) {
            due = Instant.now().plusSeconds(4);
            first.getBean(CommandGateway.class).sendAndWait(new Reminder.Schedule(reminderId, due));
        }
        JdbcClient jdbc = JdbcClient.create(
                new DriverManagerDataSource(databaseUrl, PostgresDatabases.user(), PostgresDatabases.password()));
        assertThat(pendingDeadlines(jdbc)).as("the deadline waits in the database").isEqualTo(1);
        assertThat(fired(jdbc, reminderId)).as("it did not fire before the first context closed").isZero();

        try (ConfigurableApplicationContext second = start()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> fired(jdbc, reminderId) == 1);
            assertThat(Instant.now()).isAfterOrEqualTo(due);
            await().atMost(Duration.ofSeconds(5)).until(() -> pendingDeadlines(jdbc) == 0);
        }
    }

    private static long pendingDeadlines(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'") // not the notifications' deliveries
                .query(Long.class).single();
    }

    private static long fired(JdbcClient jdbc, String reminderId) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE aggregate_identifier = :id AND payload_type LIKE '%Reminder$Fired'""")
                .param("id", reminderId).query(Long.class).single();
    }
}
