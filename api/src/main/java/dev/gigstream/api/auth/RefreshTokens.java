package dev.gigstream.api.auth;

import dev.gigstream.api.retention.Retained;
import dev.gigstream.api.retention.RetentionRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Opaque refresh tokens, rotated on every use. Only their SHA-256 hashes are stored. The tokens
 * descending from one login form a family; presenting a token that was already rotated means it
 * leaked, so the whole family (including the newest token) is revoked. A revoked family (reuse or
 * logout) also ends the login's access tokens, which carry the family id: once the revocation commits,
 * the deny list refuses them and open WebSocket sessions holding them are closed. A token is deleted
 * {@code gigstream.retention.refresh-tokens} after it expired ({@link RetentionRule#REFRESH_TOKENS}): an
 * expired token is refused whether its row is there or not, and revokes nothing.
 */
@Component
class RefreshTokens implements Retained {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration ttl;
    private final AccessTokenDenyList denyList;

    RefreshTokens(JdbcClient jdbc, Clock clock, AuthProperties properties, AccessTokenDenyList denyList) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = properties.refreshTokenTtl();
        this.denyList = denyList;
    }

    /** Starts a new family for a fresh login and returns its first token. */
    @Transactional
    Issued issueFirst(String accountId) {
        String familyId = UUID.randomUUID().toString();
        return new Issued(familyId, issue(accountId, familyId));
    }

    /**
     * Exchanges a token for its successor. Returns empty when the token is unknown, expired, revoked
     * or reused; a reuse revokes the family, and that revocation is committed.
     */
    @Transactional
    Optional<Rotation> rotate(String token) {
        String hash = hash(token);
        Optional<Row> found = jdbc.sql("""
                        SELECT family_id, account_id, expires_at, used_at, revoked_at
                        FROM refresh_token WHERE token_hash = :hash""")
                .param("hash", hash)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class) != null, rs.getObject(5, OffsetDateTime.class) != null))
                .optional();
        if (found.isEmpty() || found.get().revoked() || found.get().expiresAt().isBefore(now())) {
            return Optional.empty();
        }
        Row row = found.get();
        int claimed = jdbc.sql("""
                        UPDATE refresh_token SET used_at = :now
                        WHERE token_hash = :hash AND used_at IS NULL AND revoked_at IS NULL""")
                .param("now", now())
                .param("hash", hash)
                .update();
        if (row.used() || claimed == 0) {
            revokeFamily(row.familyId());
            return Optional.empty();
        }
        return Optional.of(new Rotation(row.accountId(), new Issued(row.familyId(), issue(row.accountId(), row.familyId()))));
    }

    /** Ends the session the token belongs to, if it is the account's. */
    @Transactional
    void revokeFamilyOf(String token, String accountId) {
        jdbc.sql("SELECT family_id FROM refresh_token WHERE token_hash = :hash AND account_id = :account")
            .param("hash", hash(token))
            .param("account", accountId)
            .query(String.class)
            .optional()
            .ifPresent(this::revokeFamily);
    }

    /** Ends every session of the account (suspension). */
    void revokeAllOf(String accountId) {
        jdbc.sql("UPDATE refresh_token SET revoked_at = :now WHERE account_id = :account AND revoked_at IS NULL")
            .param("now", now())
            .param("account", accountId)
            .update();
    }

    private void revokeFamily(String familyId) {
        jdbc.sql("UPDATE refresh_token SET revoked_at = :now WHERE family_id = :family AND revoked_at IS NULL")
            .param("now", now())
            .param("family", familyId)
            .update();
        afterCommit(() -> denyList.loginEnded(familyId));
    }

    @Override
    public RetentionRule rule() {
        return RetentionRule.REFRESH_TOKENS;
    }

    @Override
    public long deleteBatchBefore(Instant cutoff, int batch) {
        return jdbc.sql("DELETE FROM refresh_token WHERE token_hash IN "
                + "(SELECT token_hash FROM refresh_token WHERE expires_at < :cutoff ORDER BY expires_at LIMIT :batch)")
            .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
            .param("batch", batch)
            .update();
    }

    /** A revocation that is rolled back denies nothing. */
    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    private String issue(String accountId, String familyId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                INSERT INTO refresh_token (token_hash, family_id, account_id, issued_at, expires_at)
                VALUES (:hash, :family, :account, :now, :expires)""")
            .param("hash", hash(token))
            .param("family", familyId)
            .param("account", accountId)
            .param("now", now())
            .param("expires", now().plus(ttl))
            .update();
        return token;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A refresh token and the family (login) it belongs to. */
    record Issued(String familyId, String token) {
    }

    record Rotation(String accountId, Issued successor) {
    }

    private record Row(String familyId, String accountId, OffsetDateTime expiresAt, boolean used, boolean revoked) {
    }
}
