package dev.gigstream.query.location;

import dev.gigstream.query.location.LocationShares.Share;
import dev.gigstream.query.testsupport.MongoBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LocationSharesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(7);

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    private static Share share(String id, String hash, Instant expiresAt) {
        return new Share(id, hash, "job-1", "worker-1", T0, expiresAt, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aShareIsFoundByItsTokensHashAndRevokedOnce(MongoBackend backend) {
        var shares = new LocationShares(backend.freshDatabase(), RETENTION);
        var share = share("share-1", "a".repeat(64), T0.plus(Duration.ofHours(4)));
        shares.create(share);

        assertThat(shares.byTokenHash("a".repeat(64))).contains(share);
        assertThat(shares.byTokenHash("b".repeat(64))).isEmpty();
        assertThat(shares.byId("share-1")).contains(share);

        shares.revoke("share-1", T0.plusSeconds(60));
        shares.revoke("share-1", T0.plusSeconds(120));
        assertThat(shares.byTokenHash("a".repeat(64))).get().extracting(Share::revokedAt).isEqualTo(T0.plusSeconds(60));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void sharesExpireByATtlIndexAndAreDeletedInBatchesOnceTheyExpiredBeforeTheCutoff(MongoBackend backend) {
        var db = backend.freshDatabase();
        var shares = new LocationShares(db, RETENTION);
        assertThat(LocationPingsTest.ttlIndexOn(db, LocationShares.COLLECTION, "expiresAt")).hasValueSatisfying(index ->
                assertThat(index.get("expireAfterSeconds", Number.class).longValue()).isEqualTo(RETENTION.toSeconds()));
        shares.create(share("share-1", "a".repeat(64), T0));
        shares.create(share("share-2", "b".repeat(64), T0.plus(Duration.ofHours(4))));

        shares.create(share("share-3", "c".repeat(64), T0.plusSeconds(30)));

        assertThat(shares.deleteBatchExpiredBefore(T0, 10)).isZero();
        assertThat(shares.deleteBatchExpiredBefore(T0.plusSeconds(31), 1)).isEqualTo(1);
        assertThat(shares.deleteBatchExpiredBefore(T0.plusSeconds(31), 1)).isEqualTo(1);
        assertThat(shares.deleteBatchExpiredBefore(T0.plusSeconds(31), 1)).isZero();
        assertThat(shares.byId("share-1")).isEmpty();
        assertThat(shares.byId("share-3")).isEmpty();
        assertThat(shares.byId("share-2")).isPresent();
    }
}
