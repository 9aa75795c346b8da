package dev.gigstream.api.audit;

import dev.gigstream.api.retention.RetentionRule;
import dev.gigstream.api.testsupport.MigratedDatabases;
import dev.gigstream.api.testsupport.RetentionSweeps;
import dev.gigstream.api.testsupport.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit-read log is kept {@code gigstream.retention.audit-reads} after each read, on the embedded
 * profile's database (AuditReadRetentionPostgresIT: the same on PostgreSQL).
 */
class AuditReadRetentionTest {

    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    static final Duration PERIOD = RetentionSweeps.DEFAULTS.auditReads();

    private final SettableClock clock = new SettableClock(T0);
    private AuditReads reads;

    DataSource migratedDatabase() {
        return MigratedDatabases.h2();
    }

    @BeforeEach
    void setUp() {
        reads = new AuditReads(JdbcClient.create(migratedDatabase()), clock);
    }

    @Test
    void aReadIsKeptForItsPeriodAndDeletedJustAfter() {
        for (int i = 0; i < 3; i++) { // more than a batch
            read("/api/v1/audit/events?after=" + i);
        }
        clock.moveBy(Duration.ofSeconds(1));
        read("/api/v1/audit/reads");
        var sweep = RetentionSweeps.over(clock, reads);

        clock.set(T0.plus(PERIOD));
        assertThat(sweep.sweep()).containsEntry(RetentionRule.AUDIT_READS, 0L);
        assertThat(reads.latest(10)).as("just inside the period").hasSize(4);

        clock.set(T0.plus(PERIOD).plusMillis(1));
        assertThat(sweep.sweep()).as("three reads, in batches of two").containsEntry(RetentionRule.AUDIT_READS, 3L);
        assertThat(reads.latest(10)).singleElement()
                .satisfies(kept -> assertThat(kept.what()).isEqualTo("/api/v1/audit/reads"));
        assertThat(sweep.sweep()).as("a second sweep finds nothing more").containsEntry(RetentionRule.AUDIT_READS, 0L);
    }

    private void read(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path.replaceAll("\\?.*", ""));
        if (path.contains("?")) {
            request.setQueryString(path.substring(path.indexOf('?') + 1));
        }
        reads.record(new TestingAuthenticationToken("auditor-1", null, "ROLE_AUDITOR"), request);
    }
}
