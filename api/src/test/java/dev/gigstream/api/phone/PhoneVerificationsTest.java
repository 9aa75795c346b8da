package dev.gigstream.api.phone;

import dev.gigstream.api.reach.DirectTextRefused;
import dev.gigstream.api.reach.DirectTexts;
import dev.gigstream.api.testsupport.MigratedDatabases;
import dev.gigstream.api.testsupport.SettableClock;
import dev.gigstream.api.web.problems.ProblemException;
import dev.gigstream.api.web.problems.RetryLaterException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The verification's rules at their edges, on the embedded profile's database (H2), for a client (who has no
 * aggregate to tell): the code's lifetime, the minute between codes and the day's five per number.
 */
class PhoneVerificationsTest {

    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private final SettableClock clock = new SettableClock(T0);
    private final List<String> sent = new ArrayList<>();
    private JdbcClient jdbc;
    private PhoneVerifications verifications;

    @BeforeEach
    void setUp() {
        DataSource database = MigratedDatabases.h2();
        jdbc = JdbcClient.create(database);
        account("client-1", "+2348012345678");
        account("client-2", "+2348012345678");
        DirectTexts texts = (userId, phone, kind, text) -> sent.add(text);
        PhoneCodeHashes hashes = new PhoneCodeHashes(new SecretKeySpec(new byte[32], "HmacSHA256"));
        verifications = new PhoneVerifications(jdbc, new JdbcTransactionManager(database), hashes,
                texts,
                new WorkerPhones(jdbc, null), clock); // clients only: no command is sent
    }

    @Test
    void aCodeIsGoodUntilJustBeforeTenMinutes() {
        verifications.send("client-1");
        clock.moveBy(Duration.ofMinutes(10).minusMillis(1));

        verifications.confirm("client-1", lastCode());

        assertThat(verifications.status("client-1").orElseThrow().verifiedAt()).isEqualTo(clock.instant());
        assertThat(codeRows()).as("a confirmed code is deleted").isZero();
    }

    @Test
    void aCodeExpiresAtTenMinutes() {
        verifications.send("client-1");
        clock.moveBy(Duration.ofMinutes(10));

        assertThatThrownBy(() -> verifications.confirm("client-1", lastCode()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("VERIFICATION_CODE_EXPIRED"));
    }

    @Test
    void theNextCodeComesAMinuteAfterTheLastAndTheSixthOfTheDayADayAfterTheFirst() {
        verifications.send("client-1");
        clock.moveBy(Duration.ofSeconds(59));
        assertThatThrownBy(() -> verifications.send("client-1"))
                .isInstanceOfSatisfying(RetryLaterException.class, e -> {
                    assertThat(e.code()).isEqualTo("VERIFICATION_RESEND_TOO_SOON");
                    assertThat(e.retryAfterSeconds()).isEqualTo(1);
                });
        for (int i = 2; i <= 5; i++) {
            clock.moveBy(Duration.ofSeconds(60));
            verifications.send(i % 2 == 0 ? "client-2" : "client-1"); // the same number, either account
        }
        clock.moveBy(Duration.ofSeconds(60));
        assertThatThrownBy(() -> verifications.send("client-1"))
                .isInstanceOfSatisfying(RetryLaterException.class, e -> {
                    assertThat(e.code()).isEqualTo("VERIFICATION_SENDS_EXHAUSTED");
                    assertThat(e.retryAfterSeconds()).isEqualTo(Duration.ofDays(1).minusSeconds(59 + 4 * 60 + 60).toSeconds());
                });
        assertThat(sent).hasSize(5);

        clock.set(T0.plus(Duration.ofDays(1)).plusMillis(1));
        verifications.send("client-1");
        assertThat(sent).hasSize(6);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM phone_verification_send WHERE sent_at <= :since")
                .param("since", T0.plusMillis(1).atOffset(ZoneOffset.UTC)).query(Long.class).single())
                .as("the day's oldest record was dropped").isZero();
    }

    @Test
    void aRefusedTextKeepsNothing() {
        DataSource database = MigratedDatabases.h2();
        JdbcClient other = JdbcClient.create(database);
        other.sql("INSERT INTO account (id, email, password_hash, full_name, phone, role, created_at) "
                        + "VALUES ('client-1', 'c@example.com', 'x', 'Ada', '+2348012345678', 'CLIENT', :at)")
                .param("at", T0.atOffset(ZoneOffset.UTC)).update();
        var refusing = new PhoneVerifications(other, new JdbcTransactionManager(database),
                new PhoneCodeHashes(new SecretKeySpec(new byte[32], "HmacSHA256")),
                (userId, phone, kind, text) -> {
                    throw DirectTextRefused.capReached("spent");
                }, new WorkerPhones(other, null), clock);

        assertThatThrownBy(() -> refusing.send("client-1"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("SMS_CAP_REACHED"));
        assertThat(other.sql("SELECT (SELECT COUNT(*) FROM phone_verification_code) + (SELECT COUNT(*) FROM phone_verification_send)")
                .query(Long.class).single()).isZero();
    }

    private void account(String id, String phone) {
        jdbc.sql("INSERT INTO account (id, email, password_hash, full_name, phone, role, created_at) "
                        + "VALUES (:id, :email, 'x', 'Ada', :phone, 'CLIENT', :at)")
                .param("id", id).param("email", id + "@example.com").param("phone", phone)
                .param("at", T0.atOffset(ZoneOffset.UTC)).update();
    }

    private String lastCode() {
        return sent.get(sent.size() - 1).replaceAll("\\D*([0-9]{6}).*", "$1");
    }

    private long codeRows() {
        return jdbc.sql("SELECT COUNT(*) FROM phone_verification_code").query(Long.class).single();
    }
}
