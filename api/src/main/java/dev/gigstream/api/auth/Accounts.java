package dev.gigstream.api.auth;

import dev.gigstream.api.web.problems.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** User accounts in the relational {@code account} table. Emails are stored trimmed and in lower case. */
@Component
public class Accounts {

    private final JdbcClient jdbc;
    private final Clock clock;

    Accounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @throws EmailTakenException when another account has the email */
    void create(Account account) {
        try {
            jdbc.sql("""
                    INSERT INTO account (id, email, password_hash, full_name, phone, role, created_at)
                    VALUES (:id, :email, :hash, :name, :phone, :role, :now)""")
                .param("id", account.id())
                .param("email", account.email())
                .param("hash", account.passwordHash())
                .param("name", account.fullName())
                .param("phone", account.phone())
                .param("role", account.role().name())
                .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        } catch (DuplicateKeyException e) {
            throw new EmailTakenException();
        }
    }

    Optional<Account> byEmail(String email) {
        return jdbc.sql("SELECT id, email, password_hash, full_name, phone, role FROM account WHERE email = :email")
                .param("email", email)
                .query(Account.class)
                .optional();
    }

    public Optional<Account> byId(String id) {
        return jdbc.sql("SELECT id, email, password_hash, full_name, phone, role FROM account WHERE id = :id")
                .param("id", id)
                .query(Account.class)
                .optional();
    }

    /** When the account was made (for the person's data export); empty when there is no such account. */
    public Optional<Instant> createdAt(String id) {
        return jdbc.sql("SELECT created_at FROM account WHERE id = :id")
                .param("id", id)
                .query((row, n) -> row.getObject("created_at", OffsetDateTime.class).toInstant())
                .optional();
    }

    /** When the account's current phone number was verified; empty while it is not (docs/notifications.md). */
    public Optional<Instant> phoneVerifiedAt(String id) {
        return jdbc.sql("SELECT phone_verified_at FROM account WHERE id = :id AND phone_verified_at IS NOT NULL")
                .param("id", id)
                .query((row, n) -> row.getObject("phone_verified_at", OffsetDateTime.class).toInstant())
                .optional();
    }

    void changePasswordHash(String id, String passwordHash) {
        jdbc.sql("UPDATE account SET password_hash = :hash WHERE id = :id")
            .param("hash", passwordHash)
            .param("id", id)
            .update();
    }

    /**
     * The account's role and whether it is suspended: read when an instance first meets the account, then
     * kept in memory ({@link AccountStandings}).
     */
    Optional<Standing> standing(String id) {
        return jdbc.sql("SELECT role, suspended_at IS NOT NULL FROM account WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> new Standing(Role.valueOf(rs.getString(1)), rs.getBoolean(2)))
                .optional();
    }

    record Standing(Role role, boolean suspended) {
    }

    boolean suspended(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE id = :id AND suspended_at IS NOT NULL")
                .param("id", id)
                .query(Long.class)
                .single() > 0;
    }

    /** Marks the account suspended (with the time and reason) or, with a null time, in good standing again. */
    int changeSuspension(String id, OffsetDateTime suspendedAt, String reason) {
        // an erased account stays suspended for good, and keeps no reason about its person
        return jdbc.sql("UPDATE account SET suspended_at = :at, suspension_reason = :reason WHERE id = :id AND erased_at IS NULL")
            .param("at", suspendedAt)
            .param("reason", reason)
            .param("id", id)
            .update();
    }

    public List<Suspended> suspendedAccounts() {
        return jdbc.sql("""
                        SELECT id, email, full_name, role, suspended_at, suspension_reason FROM account
                        WHERE suspended_at IS NOT NULL AND erased_at IS NULL ORDER BY suspended_at DESC""")
                .query((rs, row) -> new Suspended(rs.getString("id"), rs.getString("email"), rs.getString("full_name"),
                        Role.valueOf(rs.getString("role")), rs.getObject("suspended_at", OffsetDateTime.class).toInstant(),
                        rs.getString("suspension_reason")))
                .list();
    }

    public record Suspended(String userId, String email, String fullName, Role role, Instant suspendedAt, String reason) {
    }

    boolean erased(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE id = :id AND erased_at IS NOT NULL")
                .param("id", id)
                .query(Long.class)
                .single() > 0;
    }

    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    static final class EmailTakenException extends ProblemException {
        EmailTakenException() {
            super(HttpStatus.CONFLICT, "EMAIL_TAKEN", "An account with this email already exists");
        }
    }
}
