package dev.gigstream.query.location;

import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.export.FindPersonalData;
import dev.gigstream.query.testsupport.MongoBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LocationsExportTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void theWorkersLinksWithoutTheirTokensAndThePingsStillHeld(MongoBackend backend) {
        var database = backend.freshDatabase();
        var shares = new LocationShares(database, Duration.ofDays(7));
        var pings = new LocationPings(database, Duration.ofDays(30));
        var export = new LocationsExport(database);
        shares.create(new LocationShares.Share("share-1", "hash-of-the-token", "job-1", "worker-1", T0, T0.plusSeconds(3600), null));
        shares.create(new LocationShares.Share("share-2", "hash-of-another", "job-2", "worker-2", T0, T0.plusSeconds(3600), null));
        pings.accept(new LocationPing("worker-1", "job-1", new GeoPoint(6.45, 3.39), 12.0, T0.plusSeconds(60)));
        pings.accept(new LocationPing("worker-2", "job-2", new GeoPoint(6.5, 3.4), null, T0.plusSeconds(60)));

        FindPersonalData.Locations mine = export.handle(new FindPersonalData("worker-1"));
        assertThat(mine.shares()).containsExactly(
                new FindPersonalData.Locations.Share("share-1", "job-1", T0, T0.plusSeconds(3600), null));
        assertThat(mine.pings()).containsExactly(
                new FindPersonalData.Locations.Ping("job-1", 6.45, 3.39, 12.0, T0.plusSeconds(60)));
        assertThat(export.handle(new FindPersonalData("client-1")))
                .isEqualTo(new FindPersonalData.Locations(List.of(), List.of()));
    }
}
