package dev.gigstream.api.storage;

import dev.gigstream.command.client.ClientStandingsTable;
import dev.gigstream.command.dispute.KnownDisputesTable;
import dev.gigstream.command.escrow.EscrowHoldingsTable;
import dev.gigstream.command.lookup.LookupTable;
import dev.gigstream.command.worker.WorkerStandingsTable;
import dev.gigstream.messages.client.ClientReinstated;
import dev.gigstream.messages.client.ClientSuspended;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.dispute.DisputeOpened;
import dev.gigstream.messages.dispute.DisputeParty;
import dev.gigstream.messages.escrow.ChargebackLost;
import dev.gigstream.messages.escrow.ChargebackReceived;
import dev.gigstream.messages.escrow.ChargebackResolved;
import dev.gigstream.messages.escrow.EscrowCancelled;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowRefundStarted;
import dev.gigstream.messages.escrow.EscrowReleased;
import dev.gigstream.messages.escrow.LedgerAccount;
import dev.gigstream.messages.escrow.Posting;
import dev.gigstream.messages.worker.ApplicantStanding;
import dev.gigstream.messages.worker.WorkerProfileUpdated;
import dev.gigstream.messages.worker.WorkerReinstated;
import dev.gigstream.messages.worker.WorkerSuspended;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side's lookup tables on the embedded profile's database (H2 in PostgreSQL mode, every
 * migration applied): they answer as the aggregates they follow would.
 */
class CommandLookupTablesTest {

    private static final String ESCROW = "escrow-1";
    private static final Money HELD = Money.of(1_650_000, Currency.NGN);
    private static final Instant AT = Instant.parse("2026-12-01T18:00:00Z");

    private LookupTable table;
    private EscrowHoldingsTable escrows;
    private KnownDisputesTable disputes;
    private WorkerStandingsTable workers;
    private ClientStandingsTable clients;
    private AnnotationEventHandlerAdapter escrowEvents;
    private AnnotationEventHandlerAdapter disputeEvents;
    private AnnotationEventHandlerAdapter workerEvents;
    private AnnotationEventHandlerAdapter clientEvents;

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        table = new LookupTable(new DataSourceConnectionProvider(dataSource));
        escrows = new EscrowHoldingsTable(table);
        disputes = new KnownDisputesTable(table);
        escrowEvents = new AnnotationEventHandlerAdapter(escrows);
        disputeEvents = new AnnotationEventHandlerAdapter(disputes);
        workers = new WorkerStandingsTable(table);
        clients = new ClientStandingsTable(table);
        workerEvents = new AnnotationEventHandlerAdapter(workers);
        clientEvents = new AnnotationEventHandlerAdapter(clients);
    }

    @Test
    void anEscrowHoldsWhatWasFundedLessWhatALostChargebackTookUntilItIsReleased() throws Exception {
        escrow(new EscrowFunded(EscrowId.of(ESCROW), JobId.of("job-1"), HELD, Money.zero(HELD.currency()), List.of()));
        assertThat(escrows.held(EscrowId.of(ESCROW))).isEqualTo(HELD);

        escrow(new ChargebackLost(EscrowId.of(ESCROW), JobId.of("job-1"), "cb-1", Money.of(500_000, Currency.NGN),
                List.of(new Posting(LedgerAccount.ESCROW, 500_000), new Posting(LedgerAccount.PAYSTACK_BALANCE, -500_000))));
        assertThat(escrows.held(EscrowId.of(ESCROW))).isEqualTo(Money.of(1_150_000, Currency.NGN));

        escrow(new EscrowReleased(EscrowId.of(ESCROW), JobId.of("job-1"), WorkerId.of("worker-1"), Money.of(1_000_000, Currency.NGN),
                Money.of(150_000, Currency.NGN), "gs-pay-" + ESCROW + "-1", List.of()));
        assertThat(escrows.held(EscrowId.of(ESCROW))).isEqualTo(Money.zero(Currency.NGN));
    }

    @Test
    void anEscrowIsFundedFromItsPaymentUntilTheMoneyLeavesIt() throws Exception {
        assertThat(escrows.funded(EscrowId.of(ESCROW))).as("unpaid").isFalse();
        escrow(new EscrowFunded(EscrowId.of(ESCROW), JobId.of("job-1"), HELD, Money.zero(HELD.currency()), List.of()));
        assertThat(escrows.funded(EscrowId.of(ESCROW))).isTrue();
        assertThat(escrows.funded(EscrowId.of("escrow-2"))).as("another escrow").isFalse();

        escrow(new EscrowReleased(EscrowId.of(ESCROW), JobId.of("job-1"), WorkerId.of("worker-1"), Money.of(1_500_000, Currency.NGN),
                Money.of(150_000, Currency.NGN), "gs-pay-" + ESCROW + "-1", List.of()));
        assertThat(escrows.funded(EscrowId.of(ESCROW))).as("released").isFalse();

        escrow(new EscrowFunded(EscrowId.of("escrow-2"), JobId.of("job-2"), HELD, Money.zero(HELD.currency()), List.of()));
        escrow(new EscrowRefundStarted(EscrowId.of("escrow-2"), JobId.of("job-2"), WorkerId.of("worker-1"), HELD,
                Money.zero(HELD.currency()), null, "cancelled", List.of()));
        assertThat(escrows.funded(EscrowId.of("escrow-2"))).as("refunded").isFalse();
    }

    @Test
    void moneyPaidAfterTheEscrowWasCancelledDoesNotFundIt() throws Exception {
        escrow(new EscrowCancelled(EscrowId.of(ESCROW), JobId.of("job-1"), "the payment window closed"));
        escrow(new EscrowCancelled(EscrowId.of(ESCROW), JobId.of("job-1"), "the payment window closed")); // replayed
        escrow(new EscrowFunded(EscrowId.of(ESCROW), JobId.of("job-1"), HELD, Money.zero(HELD.currency()), List.of()));

        assertThat(escrows.held(EscrowId.of(ESCROW))).isEqualTo(HELD);
        assertThat(escrows.funded(EscrowId.of(ESCROW))).isFalse();
    }

    @Test
    void aChargebackIsOpenFromItsArrivalOnTheHeldMoneyUntilPaystackResolvesItForThePlatform() throws Exception {
        escrow(new EscrowFunded(EscrowId.of(ESCROW), JobId.of("job-1"), HELD, Money.zero(HELD.currency()), List.of()));
        assertThat(escrows.chargebackOpen(EscrowId.of(ESCROW))).isFalse();

        escrow(new ChargebackReceived(EscrowId.of(ESCROW), JobId.of("job-1"), "client-1", "cb-1", "fraudulent", true, AT));
        assertThat(escrows.chargebackOpen(EscrowId.of(ESCROW))).isTrue();

        escrow(new ChargebackResolved(EscrowId.of(ESCROW), JobId.of("job-1"), "cb-1", "unknown"));
        assertThat(escrows.chargebackOpen(EscrowId.of(ESCROW))).as("a resolution Paystack did not document keeps the hold").isTrue();

        escrow(new ChargebackResolved(EscrowId.of(ESCROW), JobId.of("job-1"), "cb-1", "declined"));
        assertThat(escrows.chargebackOpen(EscrowId.of(ESCROW))).isFalse();
    }

    @Test
    void aChargebackOnMoneyNotYetHeldHoldsItWhenItArrivesUnlessResolvedFirst() throws Exception {
        escrow(new ChargebackReceived(EscrowId.of(ESCROW), JobId.of("job-1"), "client-1", "cb-1", "fraudulent", false, AT));
        assertThat(escrows.chargebackOpen(EscrowId.of(ESCROW))).isFalse();

        escrow(new EscrowFunded(EscrowId.of(ESCROW), JobId.of("job-1"), HELD, Money.zero(HELD.currency()), List.of()));
        assertThat(escrows.chargebackOpen(EscrowId.of(ESCROW))).isTrue();

        escrow(new ChargebackLost(EscrowId.of(ESCROW), JobId.of("job-1"), "cb-1", HELD, List.of(new Posting(LedgerAccount.ESCROW, 0))));
        assertThat(escrows.chargebackOpen(EscrowId.of(ESCROW))).as("lost: the card network took the money").isFalse();

        escrow(new ChargebackReceived(EscrowId.of("escrow-2"), JobId.of("job-2"), "client-1", "cb-2", "fraudulent", false, AT));
        escrow(new ChargebackResolved(EscrowId.of("escrow-2"), JobId.of("job-2"), "cb-2", "declined"));
        escrow(new EscrowFunded(EscrowId.of("escrow-2"), JobId.of("job-2"), HELD, Money.zero(HELD.currency()), List.of()));
        assertThat(escrows.chargebackOpen(EscrowId.of("escrow-2"))).isFalse();
    }

    @Test
    void everyOpenedDisputeIsKnownWithItsJob() throws Exception {
        assertThat(disputes.jobOf(DisputeId.of("dispute-1"))).isEmpty();

        disputeEvents.handle(GenericEventMessage.asEventMessage(new DisputeOpened(DisputeId.of("dispute-1"), JobId.of("job-1"), EscrowId.of(ESCROW), "client-1",
                WorkerId.of("worker-1"), "client-1", DisputeParty.CLIENT, "late", "an hour late", HELD, HELD, AT, AT)));

        assertThat(disputes.jobOf(DisputeId.of("dispute-1"))).contains(JobId.of("job-1"));
    }

    @Test
    void aWorkerHasAProfileOnceTheyFilledItAndIsSuspendedUntilReinstated() throws Exception {
        assertThat(workers.of(WorkerId.of("worker-1"))).as("unknown").isEqualTo(ApplicantStanding.unknown());

        workerEvents.handle(GenericEventMessage.asEventMessage(new WorkerSuspended(WorkerId.of("worker-1"), "abuse", "admin-1")));
        assertThat(workers.of(WorkerId.of("worker-1"))).isEqualTo(new ApplicantStanding(false, true));

        workerEvents.handle(GenericEventMessage.asEventMessage(new WorkerProfileUpdated(WorkerId.of("worker-1"), List.of("barista"),
                "bio", null, List.of(), null)));
        assertThat(workers.of(WorkerId.of("worker-1"))).isEqualTo(new ApplicantStanding(true, true));

        workerEvents.handle(GenericEventMessage.asEventMessage(new WorkerReinstated(WorkerId.of("worker-1"), "appeal", "admin-1")));
        workerEvents.handle(GenericEventMessage.asEventMessage(new WorkerProfileUpdated(WorkerId.of("worker-1"), List.of("barista"),
                "new bio", null, List.of(), null)));
        assertThat(workers.of(WorkerId.of("worker-1"))).isEqualTo(new ApplicantStanding(true, false));
    }

    @Test
    void aClientIsSuspendedFromTheSuspensionUntilTheReinstatement() throws Exception {
        assertThat(clients.suspended("client-1")).as("never suspended").isFalse();

        clientEvents.handle(GenericEventMessage.asEventMessage(new ClientSuspended("client-1", "fraud", "admin-1")));
        assertThat(clients.suspended("client-1")).isTrue();
        assertThat(clients.suspended("client-2")).isFalse();

        clientEvents.handle(GenericEventMessage.asEventMessage(new ClientReinstated("client-1", "appeal", "admin-1")));
        assertThat(clients.suspended("client-1")).isFalse();
    }

    /** A database with history from before the tables: filled once at start, as if they had followed it. */
    @Test
    void theHistoryStoredBeforeTheTablesIsReadIntoThemOnce() {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        CommandLookupsBackfill backfill = new CommandLookupsBackfill(store, NoTransactionManager.instance(), table, lookupTables());
        backfill.fillOnce();
        assertThat(table.queryOne("SELECT events_read FROM command_lookups_filled", row -> row.getLong(1))).contains(0L);

        EmbeddedEventStore withHistory = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        withHistory.publish(
                new GenericDomainEventMessage<>("WorkerAggregate", "worker-1", 0, new WorkerProfileUpdated(WorkerId.of("worker-1"),
                        List.of("barista"), "bio", null, List.of(), null)),
                new GenericDomainEventMessage<>("Client", "client-1", 0, new ClientSuspended("client-1", "fraud", "admin-1")),
                new GenericDomainEventMessage<>("EscrowPayment", ESCROW, 0, new EscrowFunded(EscrowId.of(ESCROW), JobId.of("job-1"), HELD, Money.zero(HELD.currency()), List.of())),
                new GenericDomainEventMessage<>("EscrowPayment", ESCROW, 1, new ChargebackLost(EscrowId.of(ESCROW), JobId.of("job-1"), "cb-1",
                        Money.of(500_000, Currency.NGN), List.of(new Posting(LedgerAccount.ESCROW, 500_000)))));
        table.update("UPDATE command_lookups_filled SET filled_at = NULL, events_read = NULL");
        table.update("DELETE FROM command_lookups_filled_table");
        CommandLookupsBackfill again = new CommandLookupsBackfill(withHistory, NoTransactionManager.instance(), table, lookupTables());
        again.fillOnce();
        again.fillOnce();

        assertThat(workers.of(WorkerId.of("worker-1"))).isEqualTo(new ApplicantStanding(true, false));
        assertThat(clients.suspended("client-1")).isTrue();
        assertThat(escrows.held(EscrowId.of(ESCROW))).as("read once").isEqualTo(Money.of(1_150_000, Currency.NGN));
        assertThat(table.queryOne("SELECT events_read FROM command_lookups_filled", row -> row.getLong(1))).contains(4L);
    }

    private Map<String, Object> lookupTables() {
        return Map.of("escrow_holding", escrows, "known_dispute", disputes, "worker_standing", workers, "client_standing", clients);
    }

    private void escrow(Object event) throws Exception {
        escrowEvents.handle(GenericEventMessage.asEventMessage(event));
    }
}
