package dev.gigstream.api.auth;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Opaque refresh tokens, rotated on every use. Only their SHA-256 hashes are stored. The tokens
 * descending from one login form a family; presenting a token that was already rotated means it
 * leaked, so the whole family (including the newest token) is revoked.
 */
@Component
class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration ttl;

    RefreshTokens(JdbcClient jdbc, Clock clock, AuthProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = properties.refreshTokenTtl();
    }

    /** Starts a new family for a fresh login and returns its first token. */
    @Transactional
    String issueFirst(String accountId) {
        return issue(accountId, UUID.randomUUID().toString());
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
        return Optional.of(new Rotation(row.accountId(), issue(row.accountId(), row.familyId())));
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

    record Rotation(String accountId, String token) {
    }

    private record Row(String familyId, String accountId, OffsetDateTime expiresAt, boolean used, boolean revoked) {
    }
}
