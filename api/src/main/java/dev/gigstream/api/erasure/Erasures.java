package dev.gigstream.api.erasure;

import dev.gigstream.api.auth.AccountErasure;
import dev.gigstream.api.personal.PersonalKeys;
import dev.gigstream.api.reach.Devices;
import dev.gigstream.api.reach.NotificationPreferencesStore;
import dev.gigstream.api.reach.Presence;
import dev.gigstream.api.redis.RedisProperties;
import dev.gigstream.query.erasure.PersonalDataScrub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Erasure of a person (docs/personal-data.md#erasure), in an order that a failure half-way leaves safe to
 * ask again: the checks, then the key shredded (from then on every stored event reads the person's fields
 * as erased, and nothing new about them is stored readable), the account pseudonymised and its sessions
 * ended, the snapshots that hold the person's data deleted, the read models scrubbed, Redis's keys of the
 * person dropped, and last the erasure recorded. Every step changes nothing when done again: an erasure
 * asked twice answers the same and does nothing more.
 */
@Component
class Erasures {

    private static final Logger log = LoggerFactory.getLogger(Erasures.class);

    private final JdbcClient jdbc;
    private final AccountErasure accounts;
    private final PersonalDataScrub readModels;
    private final ObjectProvider<PersonalKeys> keys;
    private final ObjectProvider<StringRedisTemplate> redis;
    private final ObjectProvider<RedisProperties> redisProperties;
    private final Clock clock;
    private final Devices devices;
    private final NotificationPreferencesStore preferences;
    private final Presence presence;

    Erasures(JdbcClient jdbc, AccountErasure accounts, PersonalDataScrub readModels, ObjectProvider<PersonalKeys> keys,
             ObjectProvider<StringRedisTemplate> redis, ObjectProvider<RedisProperties> redisProperties, Clock clock,
             Devices devices, NotificationPreferencesStore preferences, Presence presence) {
        this.devices = devices;
        this.preferences = preferences;
        this.presence = presence;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.readModels = readModels;
        this.keys = keys;
        this.redis = redis;
        this.redisProperties = redisProperties;
        this.clock = clock;
    }

    /**
     * Erases the person, asked by themselves ({@code requestedBy} is their id) or by an admin with the reference
     * of the verified request.
     *
     * @throws ErasureBlockedException while an escrow, a dispute or a payout of theirs is open
     */
    void erase(String personId, String requestedBy, String reference) {
        boolean erasedBefore = recorded(personId);
        if (!erasedBefore) {
            List<PersonalDataScrub.Pending> pending = readModels.pending(personId);
            if (!pending.isEmpty()) {
                throw new ErasureBlockedException(pending);
            }
        }
        Instant at = clock.instant();
        String email = jdbc.sql("SELECT email FROM account WHERE id = :id AND erased_at IS NULL").param("id", personId)
                .query(String.class).optional().orElse(null);
        PersonalKeys personalKeys = keys.getIfAvailable();
        if (personalKeys != null) {
            personalKeys.shred(personId);
        } else if (!erasedBefore) {
            log.warn("Erasing {} with personal data encryption off: its stored events keep its data in clear", personId);
        }
        accounts.erase(personId, at);
        scrubTables(personId, email);
        deleteSnapshots(personId);
        readModels.scrub(personId);
        dropRedisKeys(personId);
        if (!erasedBefore) {
            jdbc.sql("INSERT INTO erasure (subject_id, requested_by, reference, erased_at) VALUES (:id, :by, :reference, :at) "
                            + "ON CONFLICT DO NOTHING")
                    .param("id", personId).param("by", requestedBy).param("reference", reference)
                    .param("at", at.atOffset(ZoneOffset.UTC))
                    .update();
            log.info("Erased {} (asked by {})", personId, requestedBy);
        }
    }

    boolean recorded(String personId) {
        return jdbc.sql("SELECT COUNT(*) FROM erasure WHERE subject_id = :id").param("id", personId).query(Long.class).single() > 0;
    }

    /**
     * The relational tables besides the account that hold the person's data: what they wrote in abuse reports
     * (and what others wrote about them), the answers kept for their retried requests, the Paystack recipients
     * cached for their payout accounts (keyed by the account number), their devices, notification preferences
     * and session rows, the phone verification's rows (a pending code's hash, the codes sent), the records of how
     * their notifications and texts reached them and their count of the day's text messages, and, when the
     * Paystack sandbox plays Paystack inside the app, its copies of their e-mail, name and account number.
     */
    private void scrubTables(String personId, String email) {
        jdbc.sql("DELETE FROM phone_verification_code WHERE account_id = :id").param("id", personId).update();
        jdbc.sql("DELETE FROM phone_verification_send WHERE account_id = :id").param("id", personId).update();
        jdbc.sql("DELETE FROM notification_delivery WHERE user_id = :id").param("id", personId).update();
        jdbc.sql("DELETE FROM sms_usage WHERE scope = :scope").param("scope", "user:" + personId).update();
        jdbc.sql("UPDATE abuse_report SET reason = :erased WHERE (reporter_id = :id OR subject_user_id = :id) AND reason <> :erased")
                .param("erased", PersonalDataScrub.ERASED).param("id", personId).update();
        jdbc.sql("DELETE FROM idempotency_key WHERE caller = :id").param("id", personId).update();
        jdbc.sql("""
                        UPDATE sandbox_recipient SET name = :erased, account_number = :erased
                        WHERE recipient_code IN (SELECT recipient_code FROM paystack_recipient WHERE worker_id = :id)""")
                .param("erased", PersonalDataScrub.ERASED).param("id", personId).update();
        jdbc.sql("DELETE FROM paystack_recipient WHERE worker_id = :id").param("id", personId).update();
        devices.forgetAllOf(personId);
        preferences.forget(personId);
        presence.forgetAllOf(personId);
        if (email != null) {
            String pseudonym = AccountErasure.pseudonymousEmail(personId);
            for (String table : List.of("sandbox_transaction", "sandbox_subscription")) {
                jdbc.sql("UPDATE " + table + " SET email = :pseudonym WHERE email = :email")
                        .param("pseudonym", pseudonym).param("email", email).update();
            }
        }
    }

    /**
     * Snapshots are written by a serializer of their own, not encrypted: the Worker's and those of the Jobs the
     * person posted (their client) or worked (the job's parties, from {@code known_job}) are deleted, and the
     * aggregates are loaded from their events (which read as erased) until the next snapshot.
     */
    private void deleteSnapshots(String personId) {
        jdbc.sql("""
                        DELETE FROM snapshot_event_entry WHERE aggregate_identifier = :id
                           OR aggregate_identifier IN (SELECT job_id FROM known_job WHERE client_id = :id OR worker_id = :id)""")
                .param("id", personId)
                .update();
    }

    /** Every key naming the person (offers, rate limits), but the deny list's, which refuses the account's tokens. */
    private void dropRedisKeys(String personId) {
        StringRedisTemplate template = redis.getIfAvailable();
        RedisProperties properties = redisProperties.getIfAvailable();
        if (template == null || properties == null || !properties.configured()) {
            return;
        }
        String denied = properties.key("denied-");
        ScanOptions mine = ScanOptions.scanOptions().match(glob(properties.key("")) + "*" + glob(personId) + "*").count(500).build();
        List<String> found = new ArrayList<>();
        try (Cursor<String> cursor = template.scan(mine)) {
            cursor.forEachRemaining(key -> {
                if (!key.startsWith(denied)) {
                    found.add(key);
                }
            });
        }
        if (!found.isEmpty()) {
            template.delete(found);
        }
    }

    private static String glob(String text) {
        return text.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }
}
