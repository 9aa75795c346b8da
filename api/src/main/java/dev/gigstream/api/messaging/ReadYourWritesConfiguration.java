package dev.gigstream.api.messaging;

import com.mongodb.client.MongoClient;
import dev.gigstream.api.storage.ReadModelProperties;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The positions a write's answer carries and a read waits for (docs/api.md, "Reading your own writes"). */
@Configuration(proxyBeanMethods = false)
class ReadYourWritesConfiguration {

    @Bean
    WritePositions writePositions(CommittedEvents committed, EventStore eventStore) {
        return new WritePositions(committed, eventStore);
    }

    @Bean
    ReadModelPositions readModelPositions(ObjectProvider<EventProcessingConfiguration> processing, Projections projections,
                                          ListableBeanFactory beans, TokensStored stored, MongoClient readModelClient,
                                          ReadModelProperties readModelProperties, JdbcClient jdbc, Serializer serializer) {
        var tokens = new ProcessorTokens(processing::getObject, readModelClient, readModelProperties, jdbc, serializer);
        return new ReadModelPositions(tokens, projections, beans, stored);
    }
}
