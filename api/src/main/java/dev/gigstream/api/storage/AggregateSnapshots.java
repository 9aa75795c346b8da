package dev.gigstream.api.storage;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import tools.jackson.databind.MapperFeature;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshots of the aggregates whose history grows without bound: a {@code Job} gathers an event per
 * application and per offer, a {@code Worker} one per minute online, per badge and per profile change.
 * After every {@code gigstream.snapshots.job-every} (or {@code worker-every}) events a command loaded or
 * applied, Axon's snapshotter stores the aggregate's state once the command's unit of work has committed,
 * and the next load starts from it and replays only the events after it. The other aggregates stay short.
 * <p>
 * A snapshot is the aggregate's fields as JSON ({@link AxonStorageConfiguration#fieldsOnly}), stored with
 * the aggregate class's {@code @Revision}; a snapshot of another revision is ignored (Axon's revision
 * snapshot filter) and the aggregate is rebuilt from its events. So a change to an aggregate's fields, or to
 * the meaning of one, bumps that revision: old snapshots are then never misread, only passed over.
 */
@Configuration(proxyBeanMethods = false)
class AggregateSnapshots {

    /**
     * The serializer of snapshots, on every event store. Not a bean: a second {@code Serializer} bean would
     * change which serializers Axon's auto-configuration creates.
     */
    static Serializer serializer(Jackson3SerializerCustomizer axonPolymorphicTypes) {
        return AxonStorageConfiguration.fieldsOnly(builder -> {
            axonPolymorphicTypes.accept(builder);
            // an aggregate's collections are final fields, filled by its handlers: set them as the others
            builder.enable(MapperFeature.ALLOW_FINAL_FIELDS_AS_MUTATORS);
        });
    }

    /** Named by {@code @Aggregate(snapshotTriggerDefinition = "jobSnapshots")} on {@code Job}. */
    @Bean
    SnapshotTriggerDefinition jobSnapshots(Snapshotter snapshotter, @Value("${gigstream.snapshots.job-every:50}") int every) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, every);
    }

    /** Named by {@code @Aggregate(snapshotTriggerDefinition = "workerSnapshots")} on {@code Worker}. */
    @Bean
    SnapshotTriggerDefinition workerSnapshots(Snapshotter snapshotter, @Value("${gigstream.snapshots.worker-every:50}") int every) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, every);
    }

    /**
     * Axon Server's event store as Axon's auto-configuration builds it, but storing snapshots with the
     * snapshot serializer rather than the general one, which would drop an aggregate's private fields.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
    static class OnAxonServer {

        @Bean
        EventStore eventStore(AxonServerConfiguration axonServer, org.axonframework.config.Configuration configuration,
                              AxonServerConnectionManager connections, Jackson3SerializerCustomizer axonPolymorphicTypes,
                              @Qualifier("eventSerializer") Serializer eventSerializer) {
            return AxonServerEventStore.builder()
                    .messageMonitor(configuration.messageMonitor(AxonServerEventStore.class, "eventStore"))
                    .configuration(axonServer)
                    .platformConnectionManager(connections)
                    .snapshotSerializer(serializer(axonPolymorphicTypes))
                    .eventSerializer(eventSerializer)
                    .snapshotFilter(configuration.snapshotFilter())
                    .upcasterChain(configuration.upcasterChain())
                    .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                    .build();
        }
    }
}
