package dev.gigstream.api.storage;

import dev.gigstream.command.client.ClientStandingsTable;
import dev.gigstream.command.dispute.KnownDisputesTable;
import dev.gigstream.command.escrow.EscrowHoldingsTable;
import dev.gigstream.command.lookup.LookupTable;
import dev.gigstream.command.worker.WorkerStandingsTable;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command side's lookup tables (schema in db/migration V16, V17): each kept from the events by the
 * subscribing processor {@value LookupTable#PROCESSING_GROUP}, inside the unit of work (and, on the
 * relational event store, the transaction) that stores them, through the connection the event store
 * uses; command handlers read them as ports, so no aggregate loads another.
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
}
