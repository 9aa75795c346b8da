package dev.gigstream.query.common;

import com.mongodb.client.MongoDatabase;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.compliance.ComplianceFlagAcknowledged;
import dev.gigstream.messages.compliance.ComplianceFlagRaised;
import dev.gigstream.messages.compliance.ComplianceRule;
import dev.gigstream.messages.dispute.DisputeOpened;
import dev.gigstream.messages.dispute.DisputeOutcome;
import dev.gigstream.messages.dispute.DisputeParty;
import dev.gigstream.messages.dispute.DisputeResolved;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.LedgerAccount;
import dev.gigstream.messages.escrow.Posting;
import dev.gigstream.messages.job.JobFunded;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobSite;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.messages.worker.AvailabilityWindow;
import dev.gigstream.messages.worker.PayoutAccount;
import dev.gigstream.messages.worker.WorkerProfileUpdated;
import dev.gigstream.messages.worker.WorkerRegistered;
import dev.gigstream.messages.worker.WorkerWentOnline;
import dev.gigstream.query.compliance.ComplianceFlagsProjection;
import dev.gigstream.query.dispute.DisputeProjection;
import dev.gigstream.query.feed.JobFeedProjection;
import dev.gigstream.query.feed.OpenJobIndex;
import dev.gigstream.query.finance.MoneyMovements;
import dev.gigstream.query.rating.BayesianAverage;
import dev.gigstream.query.stats.AdminStatsProjection;
import dev.gigstream.query.testsupport.Batches;
import dev.gigstream.query.testsupport.MongoBackend;
import dev.gigstream.query.worker.PayoutAccountProjection;
import dev.gigstream.query.worker.WorkerProfileProjection;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.gigstream.query.testsupport.Batches.inOneBatch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several projections handling one batch together, as when they share a processor: each collection
 * gets one read of its sequence numbers and one bulk write per round, all of them at the batch's
 * commit, and every collection ends as event by event. The handlers are called through Axon's
 * adapter, as a processor calls them, with each event's aggregate and sequence number.
 */
class SharedBatchTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Money PAY = Money.of(1_500_000, Currency.NGN);
    private static final int JOBS = 20;

    /** The collections and how many writes each of their documents takes from {@link #marketplace}. */
    private static final Map<String, Integer> ROUNDS = Map.of(
            "jobs", 3, "admin_stats_jobs", 3, "admin_stats_workers", 1, "admin_stats_disputes", 2,
            "worker_profiles", 3, "payout_accounts", 2, "disputes", 2, "compliance_flags", 2,
            "admin_stats_escrows", 1, "money_movements", 1);

    /** Collections whose writes need no sequence guard, so no read before them. */
    private static final Set<String> UNGUARDED = Set.of("money_movements");

    static List<MongoBackend> backends() {
        return MongoBackend.all();
    }

    private final Batches.CommandLog log = new Batches.CommandLog();

    private MongoDatabase database(MongoBackend backend) {
        return log.client(backend).getDatabase("test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    private static List<AnnotationEventHandlerAdapter> projections(MongoDatabase readModels) {
        return List.of(new JobFeedProjection(readModels, new OpenJobIndex()), new AdminStatsProjection(readModels),
                        new WorkerProfileProjection(readModels, new BayesianAverage(5)), new PayoutAccountProjection(readModels),
                        new DisputeProjection(readModels), new ComplianceFlagsProjection(readModels), new MoneyMovements(readModels)).stream()
                .map(AnnotationEventHandlerAdapter::new).toList();
    }

    /**
     * Per job: its worker signing up and going online, the job posted, hired and funded, its escrow funded,
     * a dispute opened and decided, and a flag raised and acknowledged.
     */
    private static List<EventMessage<?>> marketplace(int jobs) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            String job = "job-" + i;
            String worker = "worker-" + i;
            String dispute = "dispute-" + i;
            String flag = "flag-" + i;
            Instant shift = T0.plus(Duration.ofDays(1));
            events.add(event("Worker", worker, 0, new WorkerRegistered(WorkerId.of(worker), "Worker " + i)));
            events.add(event("Worker", worker, 1, new WorkerProfileUpdated(WorkerId.of(worker), List.of("barista"), "Barista", new GeoPoint(6.5, 3.37),
                    List.of(new AvailabilityWindow(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(18, 0))),
                    new PayoutAccount("058", "0123456789", "Worker " + i))));
            events.add(event("Worker", worker, 2, new WorkerWentOnline(WorkerId.of(worker), T0.plusSeconds(i))));
            events.add(event("Job", job, 0, new JobPosted(JobId.of(job), "client-1", "Barista " + i, "", List.of("barista"),
                    new JobSite(new GeoPoint(6.45, 3.39), "Marina"), new ShiftWindow(shift, shift.plus(Duration.ofHours(6))), PAY, T0)));
            events.add(event("Job", job, 1, new WorkerHired(JobId.of(job), WorkerId.of(worker), "client-1", PAY, EscrowId.of("escrow-" + i), shift)));
            events.add(event("Job", job, 2, new JobFunded(JobId.of(job), EscrowId.of("escrow-" + i), WorkerId.of(worker))));
            events.add(event("EscrowPayment", "escrow-" + i, 2, new EscrowFunded(EscrowId.of("escrow-" + i), JobId.of(job), Money.of(1_650_000, Currency.NGN),
                    Money.of(34_750, Currency.NGN), List.of(new Posting(LedgerAccount.PAYSTACK_BALANCE, 1_615_250), new Posting(LedgerAccount.PROCESSOR_FEES, 34_750),
                            new Posting(LedgerAccount.ESCROW, -1_650_000)))));
            events.add(event("Dispute", dispute, 0, new DisputeOpened(DisputeId.of(dispute), JobId.of(job), EscrowId.of("escrow-" + i), "client-1", WorkerId.of(worker), "client-1",
                    DisputeParty.CLIENT, "no show", "", PAY, Money.of(1_650_000, Currency.NGN), T0, T0.plus(Duration.ofDays(2)))));
            events.add(event("Dispute", dispute, 1, new DisputeResolved(DisputeId.of(dispute), JobId.of(job), EscrowId.of("escrow-" + i), "client-1", WorkerId.of(worker),
                    DisputeOutcome.SPLIT, Money.of(750_000, Currency.NGN), Money.of(900_000, Currency.NGN), "half", "admin-1", T0)));
            events.add(event("ComplianceFlag", flag, 0, new ComplianceFlagRaised(flag, ComplianceRule.values()[0], worker,
                    List.of("evidence-" + i), Map.of("count", "3"), T0)));
            events.add(event("ComplianceFlag", flag, 1, new ComplianceFlagAcknowledged(flag, "admin-1", "seen", T0.plusSeconds(60))));
        }
        return events;
    }

    private static EventMessage<?> event(String type, String aggregate, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(type, aggregate, sequence, payload);
    }

    private static void handle(List<AnnotationEventHandlerAdapter> projections, List<EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            for (AnnotationEventHandlerAdapter projection : projections) {
                try {
                    if (projection.canHandle(event)) {
                        projection.handle(event);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static Map<String, List<Document>> everything(MongoDatabase readModels) {
        Map<String, List<Document>> collections = new HashMap<>();
        for (String name : ROUNDS.keySet()) {
            collections.put(name, readModels.getCollection(name).find().sort(new Document("_id", 1)).into(new ArrayList<>()));
        }
        return collections;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aSharedBatchIsOneReadAndOneBulkWritePerRoundForEachCollection(MongoBackend backend) {
        var readModels = database(backend);
        var projections = projections(readModels);
        log.take();

        inOneBatch(() -> {
            handle(projections, marketplace(JOBS));
            assertThat(log.take()).as("nothing is written or read before the batch commits").isEmpty();
        });

        List<String> commands = log.take();
        ROUNDS.forEach((collection, rounds) -> {
            List<String> expected = new ArrayList<>(UNGUARDED.contains(collection) ? List.of() : List.of("find " + collection));
            for (int i = 0; i < rounds; i++) {
                expected.add("update " + collection);
            }
            assertThat(commands).as(collection).filteredOn(c -> c.endsWith(" " + collection)).isEqualTo(expected);
        });
        assertThat(commands).hasSize(ROUNDS.values().stream().mapToInt(rounds -> rounds + 1).sum() - UNGUARDED.size());
        assertThat(everything(readModels)).allSatisfy((collection, documents) -> assertThat(documents).as(collection)
                .hasSize(collection.equals("money_movements") ? 2 * JOBS : JOBS)); // the money in and the processor's fee
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aSharedBatchLeavesEveryCollectionAsEventByEventAndARedeliveryChangesNothing(MongoBackend backend) {
        var batched = backend.freshDatabase();
        var oneByOne = backend.freshDatabase();
        List<EventMessage<?>> events = marketplace(4);
        var inBatches = projections(batched);

        inOneBatch(() -> handle(inBatches, events));
        handle(projections(oneByOne), events);

        assertThat(everything(batched)).isEqualTo(everything(oneByOne));
        inOneBatch(() -> handle(inBatches, events.subList(3, events.size())));
        assertThat(everything(batched)).isEqualTo(everything(oneByOne));
    }
}
