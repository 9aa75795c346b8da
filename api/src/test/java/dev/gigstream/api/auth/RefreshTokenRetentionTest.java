package dev.gigstream.api.auth;

import dev.gigstream.api.retention.RetentionRule;
import dev.gigstream.api.testsupport.MigratedDatabases;
import dev.gigstream.api.testsupport.RetentionSweeps;
import dev.gigstream.api.testsupport.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refresh tokens are kept {@code gigstream.retention.refresh-tokens} after they expired, on the embedded
 * profile's database (RefreshTokenRetentionPostgresIT: the same on PostgreSQL).
 */
class RefreshTokenRetentionTest {

    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    static final Duration TTL = Duration.ofDays(30);
    static final Duration PERIOD = RetentionSweeps.DEFAULTS.refreshTokens();

    private final SettableClock clock = new SettableClock(T0);
    private JdbcClient jdbc;
    private RefreshTokens tokens;

    DataSource migratedDatabase() {
        return MigratedDatabases.h2();
    }

    @BeforeEach
    void setUp() {
        jdbc = JdbcClient.create(migratedDatabase());
        jdbc.sql("INSERT INTO account (id, email, password_hash, full_name, role, created_at) "
                        + "VALUES ('worker-1', 'ada@example.com', 'x', 'Ada', 'WORKER', :at)")
                .param("at", T0.atOffset(ZoneOffset.UTC)).update();
        tokens = new RefreshTokens(jdbc, clock, new AuthProperties(null, false, Duration.ofMinutes(15), TTL, null, null, null),
                new AccessTokenDenyList(clock, Duration.ofMinutes(15), revoked -> { }));
    }

    @Test
    void aTokenIsKeptForItsPeriodAfterItExpiredAndDeletedJustAfter() {
        for (int i = 0; i < 3; i++) { // more than a batch
            tokens.issueFirst("worker-1");
        }
        clock.moveBy(Duration.ofSeconds(1));
        String later = tokens.issueFirst("worker-1").token();
        var sweep = RetentionSweeps.over(clock, tokens);

        clock.set(T0.plus(TTL).plus(PERIOD));
        assertThat(sweep.sweep()).containsEntry(RetentionRule.REFRESH_TOKENS, 0L);
        assertThat(rows()).as("just inside the period after their expiry").isEqualTo(4);

        clock.set(T0.plus(TTL).plus(PERIOD).plusMillis(1));
        assertThat(sweep.sweep()).as("three tokens, in batches of two").containsEntry(RetentionRule.REFRESH_TOKENS, 3L);
        assertThat(rows()).isEqualTo(1);
        assertThat(sweep.sweep()).as("a second sweep finds nothing more").containsEntry(RetentionRule.REFRESH_TOKENS, 0L);
        assertThat(tokens.rotate(later)).as("the one left has expired all the same").isEmpty();
    }

    @Test
    void aLiveTokenIsNeverDeletedAndStillRotates() {
        String token = tokens.issueFirst("worker-1").token();
        var sweep = RetentionSweeps.over(clock, tokens);

        clock.set(T0.plus(TTL).minusSeconds(1));
        sweep.sweep();

        assertThat(tokens.rotate(token)).isPresent();
    }

    private long rows() {
        return jdbc.sql("SELECT count(*) FROM refresh_token").query(Long.class).single();
    }
}
