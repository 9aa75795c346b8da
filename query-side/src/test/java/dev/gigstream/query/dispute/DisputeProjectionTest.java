package dev.gigstream.query.dispute;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.dispute.DisputeList;
import dev.gigstream.messages.dispute.DisputeOpened;
import dev.gigstream.messages.dispute.DisputeOutcome;
import dev.gigstream.messages.dispute.DisputeParty;
import dev.gigstream.messages.dispute.DisputeResolved;
import dev.gigstream.messages.dispute.DisputeStatus;
import dev.gigstream.messages.dispute.DisputeView;
import dev.gigstream.messages.dispute.DisputeWithdrawn;
import dev.gigstream.messages.dispute.EvidenceAdded;
import dev.gigstream.messages.dispute.FindDispute;
import dev.gigstream.messages.dispute.FindDisputes;
import dev.gigstream.query.testsupport.MongoBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DisputeProjectionTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Duration RESPONSE_TIME = Duration.ofHours(48);
    private static final Money PAY = Money.of(1_500_000, Currency.NGN);
    private static final Money HELD = Money.of(1_650_000, Currency.NGN);

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    /** Opened by the client of job {@code job-<id>}. */
    private static DisputeOpened opened(String disputeId, Instant at) {
        return new DisputeOpened(DisputeId.of(disputeId), JobId.of("job-" + disputeId), EscrowId.of("escrow-" + disputeId), "client-1", WorkerId.of("worker-1"), "client-1",
                DisputeParty.CLIENT, "no-show", "The worker left after an hour", PAY, HELD, at, at.plus(RESPONSE_TIME));
    }

    private static DisputeView find(DisputeProjection projection, String disputeId) {
        return projection.handle(new FindDispute(disputeId, null)).orElseThrow();
    }

    private static List<String> ids(DisputeList list) {
        return list.items().stream().map(DisputeView::disputeId).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void anOpenedDisputeGathersEvidenceUntilItIsResolved(MongoBackend backend) {
        var projection = new DisputeProjection(backend.freshDatabase());
        projection.on(opened("d1", T0), 0);

        DisputeView open = find(projection, "d1");
        assertThat(open.status()).isEqualTo(DisputeStatus.OPEN);
        assertThat(open.jobId()).isEqualTo("job-d1");
        assertThat(open.escrowId()).isEqualTo("escrow-d1");
        assertThat(open.clientId()).isEqualTo("client-1");
        assertThat(open.workerId()).isEqualTo("worker-1");
        assertThat(open.openedBy()).isEqualTo("client-1");
        assertThat(open.openerRole()).isEqualTo(DisputeParty.CLIENT);
        assertThat(open.reason()).isEqualTo("no-show");
        assertThat(open.details()).isEqualTo("The worker left after an hour");
        assertThat(open.pay()).isEqualTo(PAY);
        assertThat(open.held()).isEqualTo(HELD);
        assertThat(open.openedAt()).isEqualTo(T0);
        assertThat(open.respondBy()).isEqualTo(T0.plus(RESPONSE_TIME));
        assertThat(open.evidence()).isEmpty();
        assertThat(open.outcome()).isNull();

        projection.on(new EvidenceAdded(DisputeId.of("d1"), JobId.of("job-d1"), "evidence-1", "client-1", DisputeParty.CLIENT, "CCTV still", T0.plusSeconds(60)), 1);
        projection.on(new EvidenceAdded(DisputeId.of("d1"), JobId.of("job-d1"), "evidence-2", "worker-1", DisputeParty.WORKER, "Sent home early", T0.plusSeconds(120)), 2);
        Money share = Money.of(500_000, Currency.NGN);
        Money refund = Money.of(1_150_000, Currency.NGN);
        projection.on(new DisputeResolved(DisputeId.of("d1"), JobId.of("job-d1"), EscrowId.of("escrow-d1"), "client-1", WorkerId.of("worker-1"), DisputeOutcome.SPLIT, share,
                refund, "Both partly right", "admin-1", T0.plusSeconds(3600)), 3);

        DisputeView resolved = find(projection, "d1");
        assertThat(resolved.status()).isEqualTo(DisputeStatus.RESOLVED);
        assertThat(resolved.evidence()).containsExactly(
                new DisputeView.Evidence("client-1", DisputeParty.CLIENT, "CCTV still", T0.plusSeconds(60)),
                new DisputeView.Evidence("worker-1", DisputeParty.WORKER, "Sent home early", T0.plusSeconds(120)));
        assertThat(resolved.outcome()).isEqualTo(new DisputeView.Outcome(DisputeOutcome.SPLIT, share, refund,
                "Both partly right", "admin-1", T0.plusSeconds(3600)));
        assertThat(resolved.overdue()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aWithdrawnDisputeKeepsItsEvidenceAndHasNoOutcome(MongoBackend backend) {
        var projection = new DisputeProjection(backend.freshDatabase());
        projection.on(opened("d1", T0), 0);
        projection.on(new EvidenceAdded(DisputeId.of("d1"), JobId.of("job-d1"), "evidence-1", "client-1", DisputeParty.CLIENT, "Photo", T0.plusSeconds(60)), 1);

        projection.on(new DisputeWithdrawn(DisputeId.of("d1"), JobId.of("job-d1"), EscrowId.of("escrow-d1"), "client-1", T0.plusSeconds(120)), 2);

        DisputeView view = find(projection, "d1");
        assertThat(view.status()).isEqualTo(DisputeStatus.WITHDRAWN);
        assertThat(view.evidence()).hasSize(1);
        assertThat(view.outcome()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void onlyAnOpenDisputeOpenedBeforeTheCutOffIsOverdue(MongoBackend backend) {
        var projection = new DisputeProjection(backend.freshDatabase());
        projection.on(opened("d1", T0), 0);
        projection.on(opened("closed", T0), 0);
        projection.on(new DisputeWithdrawn(DisputeId.of("closed"), JobId.of("job-closed"), EscrowId.of("escrow-closed"), "client-1", T0.plusSeconds(60)), 1);

        assertThat(projection.handle(new FindDispute("d1", T0.plusSeconds(1))).orElseThrow().overdue()).isTrue();
        assertThat(projection.handle(new FindDispute("d1", T0)).orElseThrow().overdue())
                .as("opened exactly at the cut-off is not before it").isFalse();
        assertThat(projection.handle(new FindDispute("d1", null)).orElseThrow().overdue()).isFalse();
        assertThat(projection.handle(new FindDispute("closed", T0.plus(Duration.ofDays(30)))).orElseThrow().overdue()).isFalse();
        assertThat(projection.handle(new FindDisputes(null, T0.plusSeconds(1), 10)).items())
                .extracting(view -> view.disputeId() + ":" + view.overdue())
                .containsExactlyInAnyOrder("d1:true", "closed:false");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void theQueueListsTheOldestFirstFilteredByStatusUpToItsLimit(MongoBackend backend) {
        var projection = new DisputeProjection(backend.freshDatabase());
        projection.on(opened("newest", T0.plusSeconds(300)), 0);
        projection.on(opened("oldest", T0), 0);
        projection.on(opened("middle", T0.plusSeconds(100)), 0);
        projection.on(opened("withdrawn", T0.plusSeconds(50)), 0);
        projection.on(new DisputeWithdrawn(DisputeId.of("withdrawn"), JobId.of("job-withdrawn"), EscrowId.of("escrow-withdrawn"), "client-1", T0.plusSeconds(400)), 1);

        assertThat(ids(projection.handle(new FindDisputes(DisputeStatus.OPEN, null, 10))))
                .containsExactly("oldest", "middle", "newest");
        assertThat(ids(projection.handle(new FindDisputes(null, null, 10))))
                .containsExactly("oldest", "withdrawn", "middle", "newest");
        assertThat(ids(projection.handle(new FindDisputes(DisputeStatus.WITHDRAWN, null, 10)))).containsExactly("withdrawn");
        assertThat(ids(projection.handle(new FindDisputes(DisputeStatus.RESOLVED, null, 10)))).isEmpty();
        assertThat(ids(projection.handle(new FindDisputes(DisputeStatus.OPEN, null, 2)))).containsExactly("oldest", "middle");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aRedeliveredEventChangesNothing(MongoBackend backend) {
        var projection = new DisputeProjection(backend.freshDatabase());
        var evidence = new EvidenceAdded(DisputeId.of("d1"), JobId.of("job-d1"), "evidence-1", "client-1", DisputeParty.CLIENT, "Photo", T0.plusSeconds(60));
        projection.on(opened("d1", T0), 0);
        projection.on(evidence, 1);
        projection.on(new DisputeWithdrawn(DisputeId.of("d1"), JobId.of("job-d1"), EscrowId.of("escrow-d1"), "client-1", T0.plusSeconds(120)), 2);
        DisputeView before = find(projection, "d1");

        projection.on(evidence, 1);
        projection.on(opened("d1", T0), 0);

        assertThat(find(projection, "d1")).isEqualTo(before);
        assertThat(before.evidence()).hasSize(1);
        assertThat(before.status()).isEqualTo(DisputeStatus.WITHDRAWN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aResetForgetsEveryDisputeForReplay(MongoBackend backend) {
        var projection = new DisputeProjection(backend.freshDatabase());
        projection.on(opened("d1", T0), 0);
        projection.on(new EvidenceAdded(DisputeId.of("d1"), JobId.of("job-d1"), "evidence-1", "client-1", DisputeParty.CLIENT, "Photo", T0.plusSeconds(60)), 1);

        projection.reset();

        assertThat(projection.handle(new FindDispute("d1", null))).isEmpty();
        assertThat(projection.handle(new FindDisputes(null, null, 10)).items()).isEmpty();
        projection.on(opened("d1", T0), 0);
        assertThat(find(projection, "d1").evidence()).isEmpty();
    }
}
