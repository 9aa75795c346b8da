package dev.gigstream.api.personal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every person's data key, in table {@code personal_key}: made on first use, kept wrapped by the master key,
 * and deleted at erasure, after which the row stays as a tombstone so that no key is made again. Keys are
 * written on connections of their own (committed at once, whatever transaction the caller is in): a key
 * that data was encrypted with is never lost to a rollback.
 * <p>
 * Unwrapped keys are cached, at most {@code cacheSize} of them for {@code cacheLifetime}: a shred takes
 * effect at once on the instance that does it and within the lifetime on the others.
 */
public class PersonalKeys {

    static final int VERSION = 1;

    private sealed interface Entry permits Live, Shredded {
    }

    private record Live(DataKey key) implements Entry {
    }

    private record Shredded() implements Entry {
    }

    private final DataSource dataSource;
    private final MasterKeys masterKeys;
    private final Clock clock;
    private final Cache<String, Entry> cache;

    public PersonalKeys(DataSource dataSource, MasterKeys masterKeys, Clock clock, long cacheSize, Duration cacheLifetime) {
        this(dataSource, masterKeys, clock, cacheSize, cacheLifetime, Ticker.systemTicker());
    }

    PersonalKeys(DataSource dataSource, MasterKeys masterKeys, Clock clock, long cacheSize, Duration cacheLifetime, Ticker ticker) {
        this.dataSource = dataSource;
        this.masterKeys = masterKeys;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().maximumSize(cacheSize).expireAfterWrite(cacheLifetime).ticker(ticker).build();
    }

    /** The person's key to encrypt with, made if they have none yet; empty once the person is erased. */
    Optional<DataKey> keyToEncrypt(String subject) {
        Entry entry = cache.get(subject, s -> read(s).orElseGet(() -> create(s)));
        return entry instanceof Live live ? Optional.of(live.key()) : Optional.empty();
    }

    /** The person's key of the given version to decrypt with; empty once the person is erased. */
    Optional<DataKey> keyToDecrypt(String subject, int version) {
        Entry entry = cache.get(subject, s -> read(s).orElseThrow(() -> new IllegalStateException(
                "No personal data key for subject " + s + ": table personal_key is missing rows")));
        if (entry instanceof Live live && live.key().version() != version) {
            throw new IllegalStateException("Subject " + subject + " has data key version " + live.key().version() + ", not " + version);
        }
        return entry instanceof Live live ? Optional.of(live.key()) : Optional.empty();
    }

    public boolean isShredded(String subject) {
        return read(subject).map(Shredded.class::isInstance).orElse(false);
    }

    /** Erases the person's key, for good: whatever was encrypted with it can no longer be read. */
    public void shred(String subject) {
        Timestamp now = Timestamp.from(clock.instant());
        String tombstone = "UPDATE personal_key SET wrapped_key = NULL, master_key_id = NULL, shredded_at = COALESCE(shredded_at, ?) "
                + "WHERE subject_id = ?";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (update(c, tombstone, now, subject) == 0) {
                update(c, "INSERT INTO personal_key (subject_id, key_version, created_at, shredded_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING", subject, VERSION, now, now);
                update(c, tombstone, now, subject);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot shred the data key of subject " + subject, e);
        }
        cache.invalidate(subject);
    }

    /**
     * Rotation of the master key: every data key wrapped by the previous master key is wrapped again by the
     * current one. Answers how many were; fails on a key wrapped by a master key that is neither.
     */
    public int rewrapAll() {
        int rewrapped = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            List<String[]> rows = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT subject_id, key_version, master_key_id, wrapped_key "
                    + "FROM personal_key WHERE wrapped_key IS NOT NULL AND master_key_id <> ?")) {
                select.setString(1, masterKeys.currentId());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new String[]{rs.getString(1), Integer.toString(rs.getInt(2)), rs.getString(3), rs.getString(4)});
                    }
                }
            }
            for (String[] row : rows) {
                int version = Integer.parseInt(row[1]);
                byte[] key = masterKeys.unwrap(row[2], row[0], version, row[3]);
                rewrapped += update(c, "UPDATE personal_key SET master_key_id = ?, wrapped_key = ? WHERE subject_id = ? AND master_key_id = ?",
                        masterKeys.currentId(), masterKeys.wrap(row[0], version, key), row[0], row[2]);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot rewrap the personal data keys", e);
        }
        return rewrapped;
    }

    private Entry create(String subject) {
        byte[] key = AesGcm.newKey();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            update(c, "INSERT INTO personal_key (subject_id, key_version, master_key_id, wrapped_key, created_at) "
                            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    subject, VERSION, masterKeys.currentId(), masterKeys.wrap(subject, VERSION, key), Timestamp.from(clock.instant()));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store a data key for subject " + subject, e);
        }
        // another instance may have made one first: the stored key is the key
        return read(subject).orElseThrow(() -> new IllegalStateException("The data key of subject " + subject + " was not stored"));
    }

    private Optional<Entry> read(String subject) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT key_version, master_key_id, wrapped_key FROM personal_key WHERE subject_id = ?")) {
            select.setString(1, subject);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String wrapped = rs.getString(3);
                if (wrapped == null) {
                    return Optional.of(new Shredded());
                }
                int version = rs.getInt(1);
                byte[] key = masterKeys.unwrap(rs.getString(2), subject, version, wrapped);
                return Optional.of(new Live(new DataKey(subject, version, new SecretKeySpec(key, "AES"))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the data key of subject " + subject, e);
        }
    }

    private static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
