package dev.gigstream.api.storage;

import dev.gigstream.api.testsupport.PostgresDatabases;
import dev.gigstream.command.client.ClientStandingsTable;
import dev.gigstream.command.dispute.KnownDisputesTable;
import dev.gigstream.command.escrow.EscrowHoldingsTable;
import dev.gigstream.command.lookup.LookupTable;
import dev.gigstream.command.worker.WorkerStandingsTable;
import dev.gigstream.messages.client.ClientSuspended;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.escrow.ChargebackLost;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.LedgerAccount;
import dev.gigstream.messages.escrow.Posting;
import dev.gigstream.messages.worker.ApplicantStanding;
import dev.gigstream.messages.worker.WorkerProfileUpdated;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances that start at once on a database with history from before the lookup tables: one fills
 * them while the other waits on the row of {@code command_lookups_filled}, then finds them filled. Both
 * start (neither fill fails) and the history is read into the tables once, on the embedded profile's H2
 * and on PostgreSQL.
 */
class CommandLookupsFillTakesTurnsTest {

    private static final String ESCROW = "escrow-1";
    private static final Money HELD = Money.of(1_650_000, Currency.NGN);

    @Test
    void onH2() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        twoInstancesFillAtOnce(dataSource, "SELECT COUNT(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL");
    }

    @Test
    void onPostgres() throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(PostgresDatabases.freshDatabase());
        dataSource.setUser(PostgresDatabases.user());
        dataSource.setPassword(PostgresDatabases.password());
        twoInstancesFillAtOnce(dataSource, "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock'");
    }

    private void twoInstancesFillAtOnce(DataSource dataSource, String sessionsWaitingForALock) throws Exception {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        LookupTable table = new LookupTable(new SpringDataSourceConnectionProvider(dataSource));
        EscrowHoldingsTable escrows = new EscrowHoldingsTable(table);
        WorkerStandingsTable workers = new WorkerStandingsTable(table);
        ClientStandingsTable clients = new ClientStandingsTable(table);
        EmbeddedEventStore history = historyFromBeforeTheTables();
        HeldFill held = new HeldFill();
        CommandLookupsBackfill first = backfill(dataSource, history, table, held, escrows, workers, clients);
        CommandLookupsBackfill second = backfill(dataSource, history, table, held, escrows, workers, clients);

        CompletableFuture<Void> firstStart = CompletableFuture.runAsync(first::fillOnce);
        assertThat(held.filling.await(30, TimeUnit.SECONDS)).as("the first instance is filling").isTrue();
        CompletableFuture<Void> secondStart = CompletableFuture.runAsync(second::fillOnce);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(table.queryOne(sessionsWaitingForALock,
                row -> row.getLong(1)).orElseThrow()).as("the second instance waits for the first").isEqualTo(1L));
        held.release.countDown();

        firstStart.get(30, TimeUnit.SECONDS);
        secondStart.get(30, TimeUnit.SECONDS);
        assertThat(held.suspensionsRead).as("the history was read once").hasValue(1);
        assertThat(escrows.held(EscrowId.of(ESCROW))).as("the lost chargeback taken once").isEqualTo(Money.of(1_150_000, Currency.NGN));
        assertThat(workers.of(WorkerId.of("worker-1"))).isEqualTo(new ApplicantStanding(true, false));
        assertThat(clients.suspended("client-1")).isTrue();
        assertThat(table.queryOne("SELECT events_read FROM command_lookups_filled", row -> row.getLong(1))).contains(4L);
        assertThat(table.queryOne("SELECT COUNT(*) FROM command_lookups_filled", row -> row.getLong(1))).contains(1L);
    }

    private static CommandLookupsBackfill backfill(DataSource dataSource, EmbeddedEventStore history, LookupTable table,
                                                   HeldFill held, EscrowHoldingsTable escrows,
                                                   WorkerStandingsTable workers, ClientStandingsTable clients) {
        return new CommandLookupsBackfill(history, new SpringTransactionManager(new DataSourceTransactionManager(dataSource)),
                table, Map.of("escrow_holding", escrows, "worker_standing", workers, "client_standing", clients, "held", held));
    }

    private static EmbeddedEventStore historyFromBeforeTheTables() {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        store.publish(
                new GenericDomainEventMessage<>("WorkerAggregate", "worker-1", 0, new WorkerProfileUpdated(WorkerId.of("worker-1"),
                        List.of("barista"), "bio", null, List.of(), null)),
                new GenericDomainEventMessage<>("Client", "client-1", 0, new ClientSuspended("client-1", "fraud", "admin-1")),
                new GenericDomainEventMessage<>("EscrowPayment", ESCROW, 0, new EscrowFunded(EscrowId.of(ESCROW), JobId.of("job-1"), HELD, Money.zero(HELD.currency()), List.of())),
                new GenericDomainEventMessage<>("EscrowPayment", ESCROW, 1, new ChargebackLost(EscrowId.of(ESCROW), JobId.of("job-1"), "cb-1",
                        Money.of(500_000, Currency.NGN), List.of(new Posting(LedgerAccount.ESCROW, 500_000)))));
        return store;
    }

    /** Holds the first fill in the middle of the history (its lock taken) until the second instance waits. */
    static final class HeldFill {

        final CountDownLatch filling = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger suspensionsRead = new AtomicInteger();

        @EventHandler
        void on(ClientSuspended event) throws InterruptedException {
            suspensionsRead.incrementAndGet();
            filling.countDown();
            if (!release.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        }
    }
}
