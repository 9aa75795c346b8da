package dev.gigstream.api.storage;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Axon Server, instances are meant to share the work: each processor's segments are spread over
 * them, and each instance handles only its share of the stream. Read models in each instance's own
 * in-process MongoDB would then each hold part of the data (or, for per-instance projections, push
 * every notification once per instance), so the app refuses to start that way and says why.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
class ScaledOutStores {

    ScaledOutStores(ReadModelProperties readModels) {
        if (!readModels.external()) {
            throw new IllegalStateException("""
                    The axonserver profile runs several instances on one event stream, and they must share \
                    one read-model store: set GIGSTREAM_MONGO_URI (e.g. mongodb://mongo:27017). Without it every \
                    instance would keep part of each projection in its own in-process MongoDB.""");
        }
    }

    /**
     * Axon Server's event store as Axon's auto-configuration builds it, but storing snapshots with the
     * snapshot serializer ({@link AggregateSnapshots}) rather than the general one, which would drop an
     * aggregate's private fields.
     */
    @Bean
    EventStore eventStore(AxonServerConfiguration axonServer, org.axonframework.config.Configuration configuration,
                          AxonServerConnectionManager connections,
                          Jackson3SerializerCustomizer axonPolymorphicTypes,
                          @Qualifier("eventSerializer") Serializer eventSerializer) {
        return AxonServerEventStore.builder()
                .messageMonitor(configuration.messageMonitor(AxonServerEventStore.class, "eventStore"))
                .configuration(axonServer)
                .platformConnectionManager(connections)
                .snapshotSerializer(AggregateSnapshots.serializer(axonPolymorphicTypes))
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .upcasterChain(configuration.upcasterChain())
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .build();
    }
}
