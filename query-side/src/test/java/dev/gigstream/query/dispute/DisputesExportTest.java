package dev.gigstream.query.dispute;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.dispute.DisputeOpened;
import dev.gigstream.messages.dispute.DisputeOutcome;
import dev.gigstream.messages.dispute.DisputeParty;
import dev.gigstream.messages.dispute.DisputeResolved;
import dev.gigstream.messages.dispute.DisputeView;
import dev.gigstream.messages.dispute.EvidenceAdded;
import dev.gigstream.messages.export.FindPersonalData;
import dev.gigstream.query.testsupport.MongoBackend;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DisputesExportTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Money PAY = Money.of(1_500_000, Currency.NGN);

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void eachPartySeesTheDisputeWithTheirOwnTextOnly(MongoBackend backend) {
        MongoDatabase database = backend.freshDatabase();
        var projection = new DisputeProjection(database);
        var export = new DisputesExport(database);
        projection.on(new DisputeOpened(DisputeId.of("d1"), JobId.of("job-1"), EscrowId.of("escrow-1"), "client-1",
                WorkerId.of("worker-1"), "client-1", DisputeParty.CLIENT, "no-show", "The worker left after an hour", PAY,
                PAY, T0, T0.plusSeconds(3600)), 0);
        projection.on(new EvidenceAdded(DisputeId.of("d1"), JobId.of("job-1"), "e1", "client-1", DisputeParty.CLIENT,
                "CCTV still", T0.plusSeconds(60)), 1);
        projection.on(new EvidenceAdded(DisputeId.of("d1"), JobId.of("job-1"), "e2", "worker-1", DisputeParty.WORKER,
                "Sent home early", T0.plusSeconds(120)), 2);
        projection.on(new DisputeResolved(DisputeId.of("d1"), JobId.of("job-1"), EscrowId.of("escrow-1"), "client-1",
                WorkerId.of("worker-1"), DisputeOutcome.SPLIT, Money.of(500_000, Currency.NGN),
                Money.of(1_000_000, Currency.NGN), "Both partly right", "admin-1", T0.plusSeconds(3600)), 3);

        DisputeView opener = only(export.handle(new FindPersonalData("client-1")));
        assertThat(opener.reason()).isEqualTo("no-show");
        assertThat(opener.details()).isEqualTo("The worker left after an hour");
        assertThat(opener.evidence()).containsExactly(
                new DisputeView.Evidence("client-1", DisputeParty.CLIENT, "CCTV still", T0.plusSeconds(60)),
                new DisputeView.Evidence("worker-1", DisputeParty.WORKER, null, T0.plusSeconds(120)));
        assertThat(opener.outcome().note()).as("the admin's text").isNull();
        assertThat(opener.outcome().resolvedBy()).isEqualTo("admin-1");
        assertThat(opener.outcome().workerShare()).isEqualTo(Money.of(500_000, Currency.NGN));

        DisputeView other = only(export.handle(new FindPersonalData("worker-1")));
        assertThat(other.disputeId()).isEqualTo("d1");
        assertThat(other.reason()).isNull();
        assertThat(other.details()).isNull();
        assertThat(other.openedBy()).isEqualTo("client-1");
        assertThat(other.evidence()).containsExactly(
                new DisputeView.Evidence("client-1", DisputeParty.CLIENT, null, T0.plusSeconds(60)),
                new DisputeView.Evidence("worker-1", DisputeParty.WORKER, "Sent home early", T0.plusSeconds(120)));

        assertThat(export.handle(new FindPersonalData("someone-else")).items()).isEmpty();
    }

    private static DisputeView only(FindPersonalData.Disputes disputes) {
        assertThat(disputes.items()).hasSize(1);
        return disputes.items().get(0);
    }
}
