package dev.gigstream.api.storage;

import dev.gigstream.command.client.ClientStandingsTable;
import dev.gigstream.command.dispute.KnownDisputesTable;
import dev.gigstream.command.escrow.EscrowHoldingsTable;
import dev.gigstream.command.lookup.LookupTable;
import dev.gigstream.command.rating.KnownJobsTable;
import dev.gigstream.command.worker.WorkerStandingsTable;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.lifecycle.Phase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * The command side's lookup tables (schema in db/migration V16, V17, V25): each kept from the events by the
 * subscribing processor {@value LookupTable#PROCESSING_GROUP}, inside the unit of work (and, on the
 * relational event store, the transaction) that stores them, through the connection the event store
 * uses; command handlers read them as ports, so no aggregate loads another. History stored before the
 * tables existed is read into them once at start ({@link CommandLookupsBackfill}), each table under the
 * name {@code command_lookups_filled_table} records its fill by (V25 records the first four as filled
 * where V18's fill ran).
 */
@Configuration(proxyBeanMethods = false)
class CommandLookupsConfiguration {

    @Bean
    ConfigurerModule commandLookupsInTheUnitOfWork() {
        return configurer -> configurer.eventProcessing().registerSubscribingEventProcessor(LookupTable.PROCESSING_GROUP);
    }

    @Bean
    LookupTable lookupTable(ConnectionProvider connectionProvider) {
        return new LookupTable(connectionProvider);
    }

    @Bean
    EscrowHoldingsTable escrowHoldings(LookupTable lookupTable) {
        return new EscrowHoldingsTable(lookupTable);
    }

    @Bean
    KnownDisputesTable knownDisputes(LookupTable lookupTable) {
        return new KnownDisputesTable(lookupTable);
    }

    /** Whether an applicant has a profile and is suspended, for applying. */
    @Bean
    WorkerStandingsTable workerStandings(LookupTable lookupTable) {
        return new WorkerStandingsTable(lookupTable);
    }

    /** Whether a client is suspended, for posting and hiring. */
    @Bean
    ClientStandingsTable clientStandings(LookupTable lookupTable) {
        return new ClientStandingsTable(lookupTable);
    }

    /** Whether a job exists and how it finished, for its ratings. */
    @Bean
    KnownJobsTable knownJobs(LookupTable lookupTable) {
        return new KnownJobsTable(lookupTable);
    }

    /** Before this instance takes commands (and before its processors run): the tables must know the history. */
    @Bean
    ConfigurerModule commandLookupsFilledBeforeCommands(ObjectProvider<CommandLookupsBackfill> backfill) {
        return configurer -> configurer.onStart(Phase.LOCAL_MESSAGE_HANDLER_REGISTRATIONS + 1,
                () -> backfill.getObject().fillOnce());
    }

    @Bean
    CommandLookupsBackfill commandLookupsBackfill(EventStore eventStore, TransactionManager transactionManager,
                                                  LookupTable lookupTable, EscrowHoldingsTable escrowHoldings,
                                                  KnownDisputesTable knownDisputes, WorkerStandingsTable workerStandings,
                                                  ClientStandingsTable clientStandings, KnownJobsTable knownJobs) {
        return new CommandLookupsBackfill(eventStore, transactionManager, lookupTable, Map.of(
                "escrow_holding", escrowHoldings,
                "known_dispute", knownDisputes,
                "worker_standing", workerStandings,
                "client_standing", clientStandings,
                "known_job", knownJobs));
    }
}
