package dev.gigstream.api.phone;

import dev.gigstream.api.reach.DirectTexts;
import dev.gigstream.api.web.problems.NotFoundException;
import dev.gigstream.api.web.problems.RetryLaterException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Proves that an account's phone number is its holder's: a six-digit code sent to it by text message and
 * sent back within {@link #CODE_LIFETIME}. The account's row is locked for every step of one account (sending,
 * confirming, changing the number), so concurrent confirmations cannot exceed {@link #TRIES} and a number
 * changed meanwhile cannot be verified by the code of the old one. Codes are kept only as keyed hashes
 * ({@link PhoneCodeHashes}) and never logged. The account's table is the authority; the worker's aggregate
 * is told after each change commits ({@link WorkerPhones}).
 */
@Component
public class PhoneVerifications {

    /** Names the text in the records of text messages sent. */
    public static final String KIND = "phone.verification";
    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    static final Duration RESEND_AFTER = Duration.ofSeconds(60);
    static final int SENDS_PER_DAY = 5;
    static final int TRIES = 5;
    static final String RESEND_TOO_SOON = "VERIFICATION_RESEND_TOO_SOON";
    static final String SENDS_EXHAUSTED = "VERIFICATION_SENDS_EXHAUSTED";
    private static final Duration DAY = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PhoneCodeHashes hashes;
    private final DirectTexts texts;
    private final WorkerPhones workers;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PhoneVerifications(JdbcClient jdbc, PlatformTransactionManager transactionManager, PhoneCodeHashes hashes,
                       DirectTexts texts, WorkerPhones workers, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.hashes = hashes;
        this.texts = texts;
        this.workers = workers;
        this.clock = clock;
    }

    /** The account's number and whether (since when) it is verified. */
    public record PhoneStatus(String phone, Instant verifiedAt) {

        public boolean verified() {
            return verifiedAt != null;
        }
    }

    /** The account's phone as the account table holds it now; empty for an unknown account. */
    public Optional<PhoneStatus> status(String accountId) {
        return jdbc.sql("SELECT phone, phone_verified_at FROM account WHERE id = :id")
                .param("id", accountId)
                .query((row, n) -> new PhoneStatus(row.getString(1), instant(row.getObject(2, OffsetDateTime.class))))
                .optional();
    }

    /**
     * Sends a fresh code to the account's number, replacing any pending one. The code and the count against the
     * limits are committed first, so that no database connection or lock is held while the provider is asked;
     * when a cap, the budget or the provider refuses the text, both are taken back (a code never sent cannot be
     * confirmed, and does not count) and the refusal is answered.
     *
     * @throws RetryLaterException within a minute of the last code ({@value #RESEND_TOO_SOON}), or after
     *                             {@value #SENDS_PER_DAY} codes to the number in a day ({@value #SENDS_EXHAUSTED})
     */
    void send(String accountId) {
        String code = newCode();
        Instant now = clock.instant();
        String phone = transactions.execute(transaction -> {
            PhoneStatus account = lock(accountId);
            if (account.phone() == null) {
                throw PhoneVerificationRefused.noPhone();
            }
            if (account.verified()) {
                throw PhoneVerificationRefused.alreadyVerified();
            }
            lastSentTo(accountId).map(last -> last.plus(RESEND_AFTER)).filter(now::isBefore).ifPresent(next -> {
                throw new RetryLaterException(HttpStatus.TOO_MANY_REQUESTS, RESEND_TOO_SOON,
                        "A code was sent less than a minute ago; ask again after Retry-After seconds", Duration.between(now, next));
            });
            String phoneHash = hashes.phone(account.phone());
            List<Instant> sentToday = sentToday(accountId, phoneHash, now);
            if (sentToday.size() >= SENDS_PER_DAY) {
                throw new RetryLaterException(HttpStatus.TOO_MANY_REQUESTS, SENDS_EXHAUSTED,
                        "This number was sent " + SENDS_PER_DAY + " codes in the last 24 hours; ask again after "
                                + "Retry-After seconds", Duration.between(now, sentToday.get(0).plus(DAY)));
            }
            jdbc.sql("DELETE FROM phone_verification_code WHERE account_id = :id").param("id", accountId).update();
            jdbc.sql("""
                            INSERT INTO phone_verification_code (account_id, code_hash, expires_at, tries)
                            VALUES (:id, :hash, :expires, 0)""")
                    .param("id", accountId)
                    .param("hash", hashes.code(accountId, code))
                    .param("expires", utc(now.plus(CODE_LIFETIME)))
                    .update();
            jdbc.sql("INSERT INTO phone_verification_send (account_id, phone_hash, sent_at) VALUES (:id, :phone, :at)")
                    .param("id", accountId).param("phone", phoneHash).param("at", utc(now))
                    .update();
            return account.phone();
        });
        try {
            texts.send(accountId, phone, KIND, text(code));
        } catch (RuntimeException refused) {
            takeBack(accountId, hashes.code(accountId, code), now);
            throw refused;
        }
    }

    /** Forgets a code whose text was not sent, unless a newer code replaced it meanwhile. */
    private void takeBack(String accountId, String codeHash, Instant sentAt) {
        transactions.executeWithoutResult(transaction -> {
            jdbc.sql("DELETE FROM phone_verification_code WHERE account_id = :id AND code_hash = :hash")
                    .param("id", accountId).param("hash", codeHash).update();
            jdbc.sql("DELETE FROM phone_verification_send WHERE account_id = :id AND sent_at = :at")
                    .param("id", accountId).param("at", utc(sentAt)).update();
        });
    }

    /** The text sent: the code and how long it lasts, nothing else. */
    static String text(String code) {
        return "Your Gigstream code is " + code + ". It expires in " + CODE_LIFETIME.toMinutes() + " minutes.";
    }

    /**
     * Marks the account's number verified when {@code code} is the pending one; a wrong code counts a try (kept
     * although the request is refused), and the {@value #TRIES}th wrong try spends the code.
     */
    void confirm(String accountId, String code) {
        Outcome outcome = transactions.execute(transaction -> {
            lock(accountId);
            Optional<Pending> found = jdbc.sql("SELECT code_hash, expires_at, tries FROM phone_verification_code WHERE account_id = :id")
                    .param("id", accountId)
                    .query((row, n) -> new Pending(row.getString(1), row.getObject(2, OffsetDateTime.class).toInstant(), row.getInt(3)))
                    .optional();
            if (found.isEmpty()) {
                return Outcome.NOT_STARTED;
            }
            Pending pending = found.get();
            Instant now = clock.instant();
            if (pending.tries() >= TRIES) {
                return Outcome.EXHAUSTED;
            }
            if (!now.isBefore(pending.expiresAt())) {
                return Outcome.EXPIRED;
            }
            if (!PhoneCodeHashes.same(hashes.code(accountId, code), pending.hash())) {
                jdbc.sql("UPDATE phone_verification_code SET tries = tries + 1 WHERE account_id = :id AND tries < :max")
                        .param("id", accountId).param("max", TRIES).update();
                return pending.tries() + 1 >= TRIES ? Outcome.EXHAUSTED : Outcome.wrong(TRIES - pending.tries() - 1);
            }
            jdbc.sql("DELETE FROM phone_verification_code WHERE account_id = :id").param("id", accountId).update();
            jdbc.sql("UPDATE account SET phone_verified_at = :at WHERE id = :id")
                    .param("at", utc(now)).param("id", accountId).update();
            return Outcome.VERIFIED;
        });
        switch (outcome.kind()) {
            case NOT_STARTED -> throw PhoneVerificationRefused.notStarted();
            case EXHAUSTED -> throw PhoneVerificationRefused.triesExhausted();
            case EXPIRED -> throw PhoneVerificationRefused.expired();
            case WRONG -> throw PhoneVerificationRefused.wrong(outcome.triesLeft());
            case VERIFIED -> workers.tell(accountId);
        }
    }

    /**
     * Gives the account a new number: a different one is not verified (any pending code is dropped); the same
     * one changes nothing.
     */
    PhoneStatus change(String accountId, String phone) {
        PhoneStatus before = transactions.execute(transaction -> {
            PhoneStatus current = lock(accountId);
            if (!phone.equals(current.phone())) {
                jdbc.sql("UPDATE account SET phone = :phone, phone_verified_at = NULL WHERE id = :id")
                        .param("phone", phone).param("id", accountId).update();
                jdbc.sql("DELETE FROM phone_verification_code WHERE account_id = :id").param("id", accountId).update();
            }
            return current;
        });
        if (before.verified() && !phone.equals(before.phone())) {
            workers.tell(accountId);
        }
        return phone.equals(before.phone()) ? before : new PhoneStatus(phone, null);
    }

    private PhoneStatus lock(String accountId) {
        return jdbc.sql("SELECT phone, phone_verified_at FROM account WHERE id = :id FOR UPDATE")
                .param("id", accountId)
                .query((row, n) -> new PhoneStatus(row.getString(1), instant(row.getObject(2, OffsetDateTime.class))))
                .optional()
                .orElseThrow(() -> new NotFoundException("No account " + accountId));
    }

    private Optional<Instant> lastSentTo(String accountId) {
        return jdbc.sql("SELECT MAX(sent_at) FROM phone_verification_send WHERE account_id = :id")
                .param("id", accountId)
                .query((row, n) -> instant(row.getObject(1, OffsetDateTime.class)))
                .optional();
    }

    /**
     * The codes sent to the number in the last 24 hours, oldest first; older records of the number and of the
     * account (sent to a number it had before) are dropped on the way.
     */
    private List<Instant> sentToday(String accountId, String phoneHash, Instant now) {
        jdbc.sql("DELETE FROM phone_verification_send WHERE (phone_hash = :phone OR account_id = :id) AND sent_at <= :since")
                .param("phone", phoneHash).param("id", accountId).param("since", utc(now.minus(DAY))).update();
        return jdbc.sql("SELECT sent_at FROM phone_verification_send WHERE phone_hash = :phone ORDER BY sent_at")
                .param("phone", phoneHash)
                .query((row, n) -> row.getObject(1, OffsetDateTime.class).toInstant())
                .list();
    }

    private String newCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private record Pending(String hash, Instant expiresAt, int tries) {
    }

    private record Outcome(Kind kind, int triesLeft) {

        static final Outcome NOT_STARTED = new Outcome(Kind.NOT_STARTED, 0);
        static final Outcome EXHAUSTED = new Outcome(Kind.EXHAUSTED, 0);
        static final Outcome EXPIRED = new Outcome(Kind.EXPIRED, 0);
        static final Outcome VERIFIED = new Outcome(Kind.VERIFIED, 0);

        static Outcome wrong(int triesLeft) {
            return new Outcome(Kind.WRONG, triesLeft);
        }

        enum Kind { NOT_STARTED, EXHAUSTED, EXPIRED, WRONG, VERIFIED }
    }
}
