package dev.gigstream.api.auth;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** User accounts in the relational {@code account} table. Emails are stored trimmed and in lower case. */
@Component
class Accounts {

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

    Optional<Account> byId(String id) {
        return jdbc.sql("SELECT id, email, password_hash, full_name, phone, role FROM account WHERE id = :id")
                .param("id", id)
                .query(Account.class)
                .optional();
    }

    void changePasswordHash(String id, String passwordHash) {
        jdbc.sql("UPDATE account SET password_hash = :hash WHERE id = :id")
            .param("hash", passwordHash)
            .param("id", id)
            .update();
    }

    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    static final class EmailTakenException extends RuntimeException {
        EmailTakenException() {
            super("An account with this email already exists");
        }
    }
}
