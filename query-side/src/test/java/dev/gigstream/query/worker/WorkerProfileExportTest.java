package dev.gigstream.query.worker;

import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.export.FindPersonalData;
import dev.gigstream.messages.worker.PayoutAccount;
import dev.gigstream.messages.worker.WorkerProfileUpdated;
import dev.gigstream.messages.worker.WorkerRegistered;
import dev.gigstream.query.rating.BayesianAverage;
import dev.gigstream.query.testsupport.MongoBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerProfileExportTest {

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void theProfileWithItsHomeAndThePayoutAccountMasked(MongoBackend backend) {
        var database = backend.freshDatabase();
        var profiles = new WorkerProfileProjection(database, new BayesianAverage(5));
        var accounts = new PayoutAccountProjection(database);
        var export = new WorkerProfileExport(profiles, database);
        var registered = new WorkerRegistered(WorkerId.of("worker-1"), "Ada Obi");
        var updated = new WorkerProfileUpdated(WorkerId.of("worker-1"), List.of("barista"), "Latte art",
                new GeoPoint(6.45, 3.39), List.of(), new PayoutAccount("058", "0123456789", "Ada Obi"));
        profiles.on(registered, 0);
        accounts.on(registered, 0);
        profiles.on(updated, 1);
        accounts.on(updated, 1);

        FindPersonalData.WorkerProfile mine = export.handle(new FindPersonalData("worker-1"));
        assertThat(mine.profile().fullName()).isEqualTo("Ada Obi");
        assertThat(mine.profile().skills()).containsExactly("barista");
        assertThat(mine.profile().bio()).isEqualTo("Latte art");
        assertThat(mine.home()).isEqualTo(new GeoPoint(6.45, 3.39));
        assertThat(mine.payout().bankCode()).isEqualTo("058");
        assertThat(mine.payout().accountName()).isEqualTo("Ada Obi");
        assertThat(mine.payout().maskedAccountNumber()).endsWith("6789").doesNotContain("0123456789");

        assertThat(export.handle(new FindPersonalData("client-1")))
                .as("not a worker").isEqualTo(new FindPersonalData.WorkerProfile(null, null, null));
    }
}
