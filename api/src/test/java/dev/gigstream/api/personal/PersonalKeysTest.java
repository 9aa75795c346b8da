package dev.gigstream.api.personal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The data keys in table personal_key on the embedded profile's database (PersonalKeysPostgresIT runs the same on PostgreSQL). */
class PersonalKeysTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T18:00:00Z"), ZoneOffset.UTC);
    static final Duration LIFETIME = Duration.ofSeconds(30);

    private final AtomicLong nanos = new AtomicLong();
    private DataSource database;
    private String master;

    @BeforeEach
    void setUp() {
        database = migratedDatabase();
        master = H2Keys.newMasterKey();
    }

    DataSource migratedDatabase() {
        return H2Keys.migratedDatabase();
    }

    private PersonalKeys instance(MasterKeys masterKeys) {
        return new PersonalKeys(database, masterKeys, CLOCK, 100, LIFETIME, nanos::get);
    }

    @Test
    void aPersonHasOneKeyMadeOnFirstUseAndStoredWrapped() throws SQLException {
        PersonalKeys keys = instance(MasterKeys.of(master, null));
        DataKey made = keys.keyToEncrypt("worker-1").orElseThrow();
        DataKey readElsewhere = instance(MasterKeys.of(master, null)).keyToDecrypt("worker-1", made.version()).orElseThrow();

        assertThat(readElsewhere.key().getEncoded()).isEqualTo(made.key().getEncoded());
        assertThat(keys.keyToEncrypt("worker-2").orElseThrow().key().getEncoded()).isNotEqualTo(made.key().getEncoded());
        assertThat(column("wrapped_key")).hasSize(2).noneMatch(wrapped -> wrapped.contains(Base64.getEncoder().encodeToString(made.key().getEncoded())));
        assertThat(column("master_key_id")).containsOnly(MasterKeys.of(master, null).currentId());
    }

    @Test
    void aShreddedKeyIsGoneForGoodAndNeverMadeAgain() throws SQLException {
        PersonalKeys keys = instance(MasterKeys.of(master, null));
        keys.keyToEncrypt("worker-1");

        keys.shred("worker-1");
        keys.shred("worker-1");

        assertThat(keys.keyToEncrypt("worker-1")).isEmpty();
        assertThat(keys.keyToDecrypt("worker-1", PersonalKeys.VERSION)).isEmpty();
        assertThat(keys.isShredded("worker-1")).isTrue();
        assertThat(column("wrapped_key")).containsExactly((String) null);
        assertThat(column("shredded_at")).hasSize(1).doesNotContainNull();
    }

    @Test
    void someoneErasedBeforeAnyKeyWasMadeNeverGetsOne() throws SQLException {
        PersonalKeys keys = instance(MasterKeys.of(master, null));

        keys.shred("client-9");

        assertThat(keys.keyToEncrypt("client-9")).isEmpty();
        assertThat(column("wrapped_key")).containsExactly((String) null);
        assertThat(keys.isShredded("client-7")).isFalse();
    }

    @Test
    void aShredOnOneInstanceStopsAnotherOnceItsCachedKeyIsOlderThanTheLifetime() {
        PersonalKeys one = instance(MasterKeys.of(master, null));
        PersonalKeys other = instance(MasterKeys.of(master, null));
        int version = one.keyToEncrypt("worker-1").orElseThrow().version();
        assertThat(other.keyToDecrypt("worker-1", version)).isPresent();

        one.shred("worker-1");

        assertThat(one.keyToDecrypt("worker-1", version)).isEmpty();
        assertThat(other.keyToDecrypt("worker-1", version)).isPresent();
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(LIFETIME.toSeconds() + 1));
        assertThat(other.keyToDecrypt("worker-1", version)).isEmpty();
    }

    @Test
    void decryptingForSomeoneWithoutAKeyRowFailsLoudly() {
        assertThatIllegalStateException().isThrownBy(() -> instance(MasterKeys.of(master, null)).keyToDecrypt("nobody", 1))
                .withMessageContaining("personal_key is missing rows");
    }

    @Test
    void rotationRewrapsEveryKeyWithTheNewMasterKeyAndKeepsTheKeysThemselves() throws SQLException {
        PersonalKeys before = instance(MasterKeys.of(master, null));
        byte[] key1 = before.keyToEncrypt("worker-1").orElseThrow().key().getEncoded();
        byte[] key2 = before.keyToEncrypt("worker-2").orElseThrow().key().getEncoded();
        before.keyToEncrypt("worker-3");
        before.shred("worker-3");
        String next = H2Keys.newMasterKey();

        assertThat(instance(MasterKeys.of(next, master)).rewrapAll()).isEqualTo(2);
        assertThat(instance(MasterKeys.of(next, master)).rewrapAll()).isZero();

        PersonalKeys after = instance(MasterKeys.of(next, null));
        assertThat(column("master_key_id")).containsOnly(MasterKeys.of(next, null).currentId(), null);
        assertThat(after.keyToDecrypt("worker-1", 1).orElseThrow().key().getEncoded()).isEqualTo(key1);
        assertThat(after.keyToDecrypt("worker-2", 1).orElseThrow().key().getEncoded()).isEqualTo(key2);
        assertThat(after.keyToDecrypt("worker-3", 1)).isEmpty();
        assertThatIllegalStateException().isThrownBy(() -> instance(MasterKeys.of(master, null)).keyToDecrypt("worker-1", 1));
    }

    @Test
    void rotationWithoutThePreviousKeyFailsAndChangesNothing() throws SQLException {
        instance(MasterKeys.of(master, null)).keyToEncrypt("worker-1");

        assertThatIllegalStateException().isThrownBy(() -> instance(MasterKeys.of(H2Keys.newMasterKey(), null)).rewrapAll())
                .withMessageContaining("neither GIGSTREAM_PERSONAL_DATA_MASTER_KEY");
        assertThat(column("master_key_id")).containsOnly(MasterKeys.of(master, null).currentId());
    }

    private List<String> column(String name) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = database.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + name + " FROM personal_key ORDER BY subject_id")) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
