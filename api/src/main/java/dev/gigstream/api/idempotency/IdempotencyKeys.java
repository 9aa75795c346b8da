package dev.gigstream.api.idempotency;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code idempotency_key} table, shared by every instance: a key is claimed by inserting its row (the
 * primary key lets one request of many win), its 2xx answer is stored on the row, and a refused or failed
 * request releases the row, since it did nothing a retry should not do. A request whose outcome is unknown
 * (503 {@code COMMAND_OUTCOME_UNKNOWN}, or its instance died holding the key) may have acted: its row is
 * left to the next request with the key, which is told so ({@link Claimed#mayHaveActed}) and, sending the
 * same command for the same ids, answers the success the first would have answered. Rows older than the
 * retention are ignored here and deleted by the purge task ({@link IdempotencyConfiguration}).
 */
@Component
class IdempotencyKeys {

    /** What a request with a key is to do. */
    sealed interface Outcome {
    }

    /**
     * The key is this request's: act, then {@link #settle} it. {@code mayHaveActed}: an earlier request with
     * this key and the same request has an unknown outcome, so what this one creates may exist already.
     * {@code idSeed}: the same for every request of this use of the key (a new one when it is used again
     * after the retention), for the ids of what they create.
     */
    record Claimed(String caller, String key, String claimId, String idSeed, boolean mayHaveActed) implements Outcome {
    }

    /** An earlier request with this key and the same request was answered: answer the same. */
    record Replay(StoredAnswer answer) implements Outcome {
    }

    /** The key was used for another request (another body or another endpoint). */
    record Reused(RequestFingerprint first) implements Outcome {
    }

    /** An earlier request with this key is still being served. */
    record InUse() implements Outcome {
    }

    /** The answer kept for replays: status, the headers that matter and the body as sent. */
    record StoredAnswer(int status, String contentType, String location, byte[] body) {
    }

    private record Row(RequestFingerprint request, String claimId, String idSeed, Instant claimedAt, boolean outcomeUnknown,
                       Integer status, String contentType, String location, byte[] body) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final IdempotencyProperties properties;

    IdempotencyKeys(JdbcClient jdbc, Clock clock, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    Outcome claim(String caller, String key, RequestFingerprint request) {
        Instant now = clock.instant();
        while (true) {
            Optional<Row> found = find(caller, key);
            if (found.isEmpty() || expired(found.get(), now)) {
                found.ifPresent(expired -> delete(caller, key, expired.claimId()));
                Optional<Claimed> claimed = insert(caller, key, request, now);
                if (claimed.isPresent()) {
                    return claimed.get();
                }
                continue; // another request claimed it at the same moment: see what it is
            }
            Row row = found.get();
            if (!row.request().equals(request)) {
                return new Reused(row.request());
            }
            if (row.status() != null) {
                return new Replay(new StoredAnswer(row.status(), row.contentType(), row.location(), row.body()));
            }
            if (row.outcomeUnknown() || row.claimedAt().plus(properties.claimTimeout()).isBefore(now)) {
                // the request before did not learn whether it acted, or never finished (its instance died)
                return takeOver(caller, key, row, now).map(Outcome.class::cast).orElseGet(InUse::new);
            }
            return new InUse();
        }
    }

    /** Keeps a 2xx answer for replays; any other answer changed nothing, so the key is released for a retry. */
    void settle(Claimed claim, StoredAnswer answer) {
        if (answer.status() >= 200 && answer.status() < 300) {
            jdbc.sql("""
                    UPDATE idempotency_key SET status = :status, content_type = :contentType, location = :location,
                        body = :body, answered_at = :at
                    WHERE caller = :caller AND idem_key = :key AND claim_id = :claim""")
                    .param("status", answer.status())
                    .param("contentType", answer.contentType())
                    .param("location", answer.location())
                    .param("body", answer.body())
                    .param("at", utc(clock.instant()))
                    .param("caller", claim.caller())
                    .param("key", claim.key())
                    .param("claim", claim.claimId())
                    .update();
        } else {
            release(claim);
        }
    }

    /**
     * Lets a retry with the key act: the claimed request did nothing worth answering again. Unless an
     * earlier request with the key may have acted: then the key stays one whose outcome is unknown.
     */
    void release(Claimed claim) {
        if (claim.mayHaveActed()) {
            leaveOutcomeUnknown(claim);
        } else {
            delete(claim.caller(), claim.key(), claim.claimId());
        }
    }

    /**
     * The claimed request may or may not have acted (503 {@code COMMAND_OUTCOME_UNKNOWN}): the next request
     * with the key and the same request takes it over at once, told that what it creates may exist already.
     */
    void leaveOutcomeUnknown(Claimed claim) {
        jdbc.sql("""
                UPDATE idempotency_key SET outcome_unknown = TRUE
                WHERE caller = :caller AND idem_key = :key AND claim_id = :claim AND status IS NULL""")
                .param("caller", claim.caller())
                .param("key", claim.key())
                .param("claim", claim.claimId())
                .update();
    }

    /** Deletes the keys claimed before {@code cutoff}; returns how many. */
    int purgeClaimedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM idempotency_key WHERE claimed_at < :cutoff").param("cutoff", utc(cutoff)).update();
    }

    private boolean expired(Row row, Instant now) {
        return !row.claimedAt().plus(properties.retention()).isAfter(now);
    }

    private Optional<Row> find(String caller, String key) {
        return jdbc.sql("SELECT * FROM idempotency_key WHERE caller = :caller AND idem_key = :key")
                .param("caller", caller)
                .param("key", key)
                .query(IdempotencyKeys::row)
                .optional();
    }

    private Optional<Claimed> insert(String caller, String key, RequestFingerprint request, Instant now) {
        String claimId = UUID.randomUUID().toString();
        try {
            jdbc.sql("""
                    INSERT INTO idempotency_key (caller, idem_key, request_method, request_path, body_hash, claim_id, id_seed,
                        claimed_at)
                    VALUES (:caller, :key, :method, :path, :body, :claim, :claim, :at)""")
                    .param("caller", caller)
                    .param("key", key)
                    .param("method", request.method())
                    .param("path", request.path())
                    .param("body", request.bodyHash())
                    .param("claim", claimId)
                    .param("at", utc(now))
                    .update();
            return Optional.of(new Claimed(caller, key, claimId, claimId, false));
        } catch (DuplicateKeyException claimedMeanwhile) {
            return Optional.empty();
        }
    }

    /** Claims a key whose last request's outcome is unknown; of several requests trying at once, one wins. */
    private Optional<Claimed> takeOver(String caller, String key, Row stale, Instant now) {
        String claimId = UUID.randomUUID().toString();
        int taken = jdbc.sql("""
                UPDATE idempotency_key SET claim_id = :claim, claimed_at = :at, outcome_unknown = FALSE
                WHERE caller = :caller AND idem_key = :key AND claim_id = :stale AND status IS NULL""")
                .param("claim", claimId)
                .param("at", utc(now))
                .param("caller", caller)
                .param("key", key)
                .param("stale", stale.claimId())
                .update();
        return taken == 1 ? Optional.of(new Claimed(caller, key, claimId, stale.idSeed(), true)) : Optional.empty();
    }

    private void delete(String caller, String key, String claimId) {
        jdbc.sql("DELETE FROM idempotency_key WHERE caller = :caller AND idem_key = :key AND claim_id = :claim")
                .param("caller", caller)
                .param("key", key)
                .param("claim", claimId)
                .update();
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        int status = rs.getInt("status");
        Integer answered = rs.wasNull() ? null : status;
        return new Row(new RequestFingerprint(rs.getString("request_method"), rs.getString("request_path"),
                rs.getString("body_hash")), rs.getString("claim_id"), rs.getString("id_seed"),
                rs.getObject("claimed_at", OffsetDateTime.class).toInstant(), rs.getBoolean("outcome_unknown"), answered,
                rs.getString("content_type"), rs.getString("location"), rs.getBytes("body"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
