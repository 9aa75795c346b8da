package dev.gigstream.api.reach;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The devices push notifications reach, in the {@code device} table. A token names one install of the
 * app, not a person: registered by another account (the phone changed hands, someone else signed in on
 * it) it moves to that account. A person keeps at most {@value #PER_USER}; registering one more drops the
 * oldest, which is most likely an install long gone.
 */
@Component
public class Devices {

    /** The most devices one person keeps. */
    public static final int PER_USER = 10;

    private final JdbcClient jdbc;
    private final Clock clock;

    Devices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a registration did: whether it is new to the caller (a new token, or one moved from another account). */
    record Registered(Device device, boolean created) {
    }

    /** The person's devices, newest first. */
    public List<Device> of(String userId) {
        return jdbc.sql("SELECT token, user_id, platform, added_at FROM device WHERE user_id = :user ORDER BY added_at DESC, token_hash")
                .param("user", userId).query(Devices::device).list();
    }

    /** Deletes a token the push provider said is no longer registered; answers whether there was one. */
    public boolean forget(String token) {
        return jdbc.sql("DELETE FROM device WHERE token_hash = :hash").param("hash", hash(token)).update() > 0;
    }

    /** Deletes every device of the person (an erasure). */
    public void forgetAllOf(String userId) {
        jdbc.sql("DELETE FROM device WHERE user_id = :user").param("user", userId).update();
    }

    /**
     * Registers the token for the person: unchanged when it is theirs already, moved to them (as newly added)
     * when another account had it; then drops their oldest devices beyond {@value #PER_USER}.
     */
    @Transactional
    Registered register(String userId, Platform platform, String token) {
        String hash = hash(token);
        Optional<Device> existing = jdbc.sql("SELECT token, user_id, platform, added_at FROM device WHERE token_hash = :hash FOR UPDATE")
                .param("hash", hash).query(Devices::device).optional();
        if (existing.isPresent() && existing.get().userId().equals(userId)) {
            return new Registered(existing.get(), false);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as the column keeps it, so a repeat answers the same
        if (existing.isPresent()) {
            jdbc.sql("UPDATE device SET user_id = :user, platform = :platform, added_at = :at WHERE token_hash = :hash")
                    .param("user", userId).param("platform", platform.name()).param("at", utc(now)).param("hash", hash).update();
        } else {
            jdbc.sql("""
                            INSERT INTO device (token_hash, token, user_id, platform, added_at)
                            VALUES (:hash, :token, :user, :platform, :at) ON CONFLICT DO NOTHING""")
                    .param("hash", hash).param("token", token).param("user", userId).param("platform", platform.name())
                    .param("at", utc(now)).update();
        }
        List<Device> mine = of(userId);
        mine.stream().skip(PER_USER).forEach(oldest -> forget(oldest.token()));
        return new Registered(new Device(token, userId, platform, now), true);
    }

    /** Deletes the person's device with this token; answers false when they have none (another's is never touched). */
    boolean remove(String userId, String token) {
        return jdbc.sql("DELETE FROM device WHERE token_hash = :hash AND user_id = :user")
                .param("hash", hash(token)).param("user", userId).update() > 0;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Device device(ResultSet rs, int row) throws SQLException {
        return new Device(rs.getString("token"), rs.getString("user_id"), Platform.valueOf(rs.getString("platform")),
                rs.getObject("added_at", OffsetDateTime.class).toInstant());
    }
}
