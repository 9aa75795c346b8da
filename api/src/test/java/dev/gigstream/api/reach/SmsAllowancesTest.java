package dev.gigstream.api.reach;

import dev.gigstream.api.testsupport.MigratedDatabases;
import dev.gigstream.api.testsupport.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily SMS allowances on the embedded profile's database (H2), reserved by many threads at once as instances
 * would (SmsAllowancesPostgresIT: the same on PostgreSQL): never past a person's cap nor the platform's budget.
 */
class SmsAllowancesTest {

    /** 23:00 UTC: the next day starts in an hour. */
    private static final Instant T0 = Instant.parse("2026-12-07T23:00:00Z");

    private final SettableClock clock = new SettableClock(T0);
    private JdbcClient jdbc;
    private SmsAllowances allowances;

    DataSource migratedDatabase() {
        return MigratedDatabases.h2();
    }

    @BeforeEach
    void setUp() {
        DataSource database = migratedDatabase();
        jdbc = JdbcClient.create(database);
        allowances = new SmsAllowances(jdbc, new DataSourceTransactionManager(database), clock, 5, 7);
    }

    @Test
    void concurrentReservationsStopAtEachPersonsCapAndThePlatformsBudget() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<Optional<DeliveryReason>>> asked = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String user = i % 2 == 0 ? "ada" : "kofi";
            asked.add(threads.submit((Callable<Optional<DeliveryReason>>) () -> allowances.reserve(user)));
        }
        List<Optional<DeliveryReason>> answers = new ArrayList<>();
        for (var answer : asked) {
            answers.add(answer.get());
        }
        threads.shutdown();

        assertThat(answers.stream().filter(Optional::isEmpty)).as("reserved: the budget").hasSize(7);
        assertThat(count("platform")).isEqualTo(7);
        assertThat(count("user:ada")).isBetween(2, 5);
        assertThat(count("user:kofi")).isBetween(2, 5);
        assertThat(count("user:ada") + count("user:kofi")).as("a refusal of the budget gives the person's back").isEqualTo(7);
    }

    @Test
    void aPersonsCapIsOfTheirUtcDay() {
        for (int i = 0; i < 5; i++) {
            assertThat(allowances.reserve("ada")).isEmpty();
        }
        assertThat(allowances.reserve("ada")).contains(DeliveryReason.SMS_CAP);
        assertThat(allowances.reserve("kofi")).isEmpty();

        clock.moveBy(Duration.ofHours(1));
        assertThat(allowances.reserve("ada")).as("a new UTC day").isEmpty();
    }

    @Test
    void theSpentBudgetRefusesEveryoneUntilTheNextDay() {
        for (int i = 0; i < 7; i++) {
            assertThat(allowances.reserve("user-" + i)).isEmpty();
        }
        assertThat(allowances.reserve("someone")).contains(DeliveryReason.SMS_BUDGET);
        assertThat(count("user:someone")).isZero();
        clock.moveBy(Duration.ofHours(1));
        assertThat(allowances.reserve("someone")).isEmpty();
    }

    private int count(String scope) {
        return jdbc.sql("SELECT COALESCE(SUM(used), 0) FROM sms_usage WHERE scope = :scope").param("scope", scope)
                .query(Integer.class).single();
    }
}
