package dev.gigstream.api.storage;

import dev.gigstream.api.testsupport.PostgresDatabases;
import dev.gigstream.command.escrow.EscrowHoldingsTable;
import dev.gigstream.command.lookup.LookupTable;
import dev.gigstream.command.rating.KnownJobsTable;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.dispute.DisputeOutcome;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.job.GeocodedBy;
import dev.gigstream.messages.job.JobCompleted;
import dev.gigstream.messages.job.JobDisputeSettled;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobSite;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.messages.job.WorkerNoShow;
import dev.gigstream.messages.rating.JobRatingsIds;
import dev.gigstream.messages.rating.JobRatingsOpened;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lookup table of jobs ({@code known_job}, V25) on the embedded profile's H2 and on PostgreSQL: it opens
 * the ratings of a job that finished before jobs opened their own as the job's events say, and a database
 * whose lookup tables were filled before the table existed gets it filled at the next start, alone.
 */
class KnownJobsTableTest {

    private static final String CLIENT_ID = "client-1";
    private static final String WORKER_ID = "worker-1";
    private static final Instant POSTED = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant FINISHED = Instant.parse("2026-11-22T18:00:00.123Z");
    private static final Money PAY = Money.of(50_000, Currency.GHS);

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aCompletedJobOpensWithItsPartiesAndTheTimeItCompleted(String database) throws Exception {
        KnownJobsTable jobs = new KnownJobsTable(migrated(database));
        AnnotationEventHandlerAdapter events = new AnnotationEventHandlerAdapter(jobs);
        for (GenericDomainEventMessage<?> event : history("job-1", new JobCompleted(JobId.of("job-1"), WorkerId.of(WORKER_ID)))) {
            events.handle(event);
        }

        assertThat(jobs.openingOf(JobId.of("job-1"))).contains(new JobRatingsOpened(JobRatingsIds.of("job-1"), JobId.of("job-1"),
                CLIENT_ID, WorkerId.of(WORKER_ID), JobStatus.COMPLETED, FINISHED));
        assertThat(jobs.known(JobId.of("job-1"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aNoShowOpensForItsClientAndASettlementOnlyWhenItPaidTheWorker(String database) throws Exception {
        KnownJobsTable jobs = new KnownJobsTable(migrated(database));
        AnnotationEventHandlerAdapter events = new AnnotationEventHandlerAdapter(jobs);
        for (GenericDomainEventMessage<?> event : concat(
                history("job-1", new WorkerNoShow(JobId.of("job-1"), WorkerId.of(WORKER_ID), EscrowId.of("escrow-1"), Money.zero(Currency.GHS))),
                history("job-2", new JobDisputeSettled(JobId.of("job-2"), DisputeId.of("dispute-2"), CLIENT_ID, WorkerId.of(WORKER_ID),
                        DisputeOutcome.SPLIT, JobStatus.COMPLETED)),
                history("job-3", new JobDisputeSettled(JobId.of("job-3"), DisputeId.of("dispute-3"), CLIENT_ID, WorkerId.of(WORKER_ID),
                        DisputeOutcome.REFUND_TO_CLIENT, JobStatus.CANCELLED)))) {
            events.handle(event);
        }

        assertThat(jobs.openingOf(JobId.of("job-1"))).map(JobRatingsOpened::jobStatus).contains(JobStatus.NO_SHOW);
        assertThat(jobs.openingOf(JobId.of("job-2"))).map(JobRatingsOpened::finishedAt).contains(FINISHED);
        assertThat(jobs.openingOf(JobId.of("job-3"))).as("refunded to the client").isEmpty();
        assertThat(jobs.known(JobId.of("job-3"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aJobNotFinishedOpensNothingAndAnUnknownOneIsNotKnown(String database) throws Exception {
        KnownJobsTable jobs = new KnownJobsTable(migrated(database));
        AnnotationEventHandlerAdapter events = new AnnotationEventHandlerAdapter(jobs);
        for (GenericDomainEventMessage<?> event : history("job-1")) {
            events.handle(event);
        }

        assertThat(jobs.known(JobId.of("job-1"))).isTrue();
        assertThat(jobs.openingOf(JobId.of("job-1"))).isEmpty();
        assertThat(jobs.known(JobId.of("job-2"))).isFalse();
        assertThat(jobs.openingOf(JobId.of("job-2"))).isEmpty();
    }

    /**
     * The first fill ran before V25: the tables it filled are not read into again, the table of jobs is
     * filled at the next start from the whole history, and a later start reads nothing.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aDatabaseFilledBeforeTheTableOfJobsGetsItFilledAtTheNextStart(String database) {
        DataSource dataSource = dataSource(database);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("21").load().migrate();
        LookupTable table = new LookupTable(new DataSourceConnectionProvider(dataSource));
        table.update("UPDATE command_lookups_filled SET filled_at = ?, events_read = ?", POSTED.atOffset(ZoneOffset.UTC), 7L);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        EscrowHoldingsTable escrows = new EscrowHoldingsTable(table);
        KnownJobsTable jobs = new KnownJobsTable(table);
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        store.publish(new GenericDomainEventMessage<>("EscrowPayment", "escrow-1", 0, new EscrowFunded(EscrowId.of("escrow-1"),
                JobId.of("job-1"), PAY, Money.zero(Currency.GHS), List.of())));
        store.publish(history("job-1", new JobCompleted(JobId.of("job-1"), WorkerId.of(WORKER_ID))).toArray(GenericDomainEventMessage[]::new));
        CommandLookupsBackfill backfill = new CommandLookupsBackfill(store, NoTransactionManager.instance(), table,
                Map.of("escrow_holding", escrows, "known_job", jobs));

        backfill.fillOnce();

        assertThat(jobs.openingOf(JobId.of("job-1"))).map(JobRatingsOpened::finishedAt).contains(FINISHED);
        assertThat(table.queryOne("SELECT COUNT(*) FROM escrow_holding", row -> row.getLong(1))).as("filled before: not read again")
                .contains(0L);
        assertThat(table.queryOne("SELECT events_read FROM command_lookups_filled_table WHERE lookup = 'known_job'",
                row -> row.getLong(1))).contains(4L);
        assertThat(table.queryOne("SELECT events_read FROM command_lookups_filled_table WHERE lookup = 'escrow_holding'",
                row -> row.getLong(1))).as("the first fill").contains(7L);

        table.update("DELETE FROM known_job");
        backfill.fillOnce();
        assertThat(jobs.known(JobId.of("job-1"))).as("filled once").isFalse();
    }

    /** A database whose tables were never filled (the history began with them or is to be read) records none before the fill. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aDatabaseNeverFilledRecordsNoTableAsFilled(String database) {
        LookupTable table = migrated(database);

        assertThat(table.queryOne("SELECT COUNT(*) FROM command_lookups_filled_table", row -> row.getLong(1))).contains(0L);
    }

    private static LookupTable migrated(String database) {
        DataSource dataSource = dataSource(database);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new LookupTable(new DataSourceConnectionProvider(dataSource));
    }

    private static DataSource dataSource(String database) {
        if (database.equals("postgres")) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(PostgresDatabases.freshDatabase());
            dataSource.setUser(PostgresDatabases.user());
            dataSource.setPassword(PostgresDatabases.password());
            return dataSource;
        }
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return dataSource;
    }

    /** Posted, hired, then {@code ending} at {@link #FINISHED}, as the Job stores them. */
    private static List<GenericDomainEventMessage<?>> history(String jobId, Object... ending) {
        ShiftWindow shift = new ShiftWindow(FINISHED.minus(Duration.ofHours(6)), FINISHED.minus(Duration.ofHours(2)));
        List<GenericDomainEventMessage<?>> events = new ArrayList<>(List.of(
                event(jobId, 0, new JobPosted(JobId.of(jobId), CLIENT_ID, "Welder", "Gate repair", List.of("welder"),
                        new JobSite(new GeoPoint(5.6037, -0.187), "Osu, Accra", GeocodedBy.GAZETTEER), shift, PAY, POSTED), POSTED),
                event(jobId, 1, new WorkerHired(JobId.of(jobId), WorkerId.of(WORKER_ID), CLIENT_ID, PAY, EscrowId.of("escrow-1"),
                        shift.start()), POSTED.plusSeconds(60))));
        for (int i = 0; i < ending.length; i++) {
            events.add(event(jobId, 2 + i, ending[i], FINISHED));
        }
        return events;
    }

    @SafeVarargs
    private static List<GenericDomainEventMessage<?>> concat(List<GenericDomainEventMessage<?>>... histories) {
        return Arrays.stream(histories).flatMap(List::stream).toList();
    }

    private static GenericDomainEventMessage<?> event(String jobId, long sequence, Object payload, Instant at) {
        return new GenericDomainEventMessage<>("Job", jobId, sequence, payload, MetaData.emptyInstance(), UUID.randomUUID().toString(), at);
    }
}
