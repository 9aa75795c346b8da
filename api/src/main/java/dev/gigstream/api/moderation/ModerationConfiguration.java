package dev.gigstream.api.moderation;

import dev.gigstream.command.client.AggregateClientStandings;
import dev.gigstream.command.client.Client;
import dev.gigstream.command.job.ClientStandings;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ModerationConfiguration {

    /** Jobs ask the Client aggregate itself whether their client may post and hire. */
    @Bean
    ClientStandings clientStandings(Repository<Client> clientRepository, EventStore eventStore) {
        return new AggregateClientStandings(clientRepository, eventStore);
    }
}
