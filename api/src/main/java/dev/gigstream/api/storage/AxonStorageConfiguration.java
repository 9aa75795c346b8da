package dev.gigstream.api.storage;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.gigstream.api.json.MoneyJson;
import dev.gigstream.messages.common.Money;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.GenericSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Axon's relational storage, declared explicitly: the event store (unless Axon Server is the event
 * store), saga state, the tokens of saga processors and dead letters, all in the application's
 * database with snake_case names (schema in db/migration). Axon 4.13's own JDBC auto-configuration
 * orders itself by Spring Boot 3 class names, which Boot 4 no longer has, so it is not relied on.
 */
@Configuration(proxyBeanMethods = false)
class AxonStorageConfiguration {

    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /**
     * An event appended at a sequence another unit of work took first is a concurrency conflict (retried by
     * the command gateway), told by the SQL state of the unique violation: PostgreSQL reports it inside a
     * batch exception that Axon's error-code resolver does not look into.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver();
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    EventStorageEngine eventStorageEngine(Jackson3SerializerCustomizer axonPolymorphicTypes,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(AggregateSnapshots.serializer(axonPolymorphicTypes))
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .build();
    }

    /**
     * Axon's embedded event store, as its auto-configuration builds it, but looking for events committed
     * outside its own units of work every {@code gigstream.event-store.fetch-delay} (default 50 ms, Axon's
     * own is a second) while processors follow it: by other instances, and by units of work nested in a
     * Spring transaction (the Paystack webhook), whose events are in the database only once that commits.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  @Value("${gigstream.event-store.fetch-delay:50ms}") Duration fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .build();
    }

    /** Claims as {@link SegmentClaims} sets them, so a dead instance's segments move within seconds. */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, SegmentClaims claims) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .claimTimeout(claims.claimTimeout())
                .nodeId(claims.nodeId())
                .schema(TokenSchema.builder()
                        .setTokenTable("token_entry")
                        .setProcessorNameColumn("processor_name")
                        .setSegmentColumn("segment")
                        .setTokenColumn("token")
                        .setTokenTypeColumn("token_type")
                        .setTimestampColumn("time_stamp")
                        .setOwnerColumn("owner")
                        .build())
                .build();
    }

    /**
     * Sagas keep their state in private fields without accessors, which a Jackson serializer working
     * through getters would silently drop; the saga store's serializer reads and writes fields only.
     */
    @Bean
    SagaStore<Object> sagaStore(ConnectionProvider connectionProvider, Jackson3SerializerCustomizer axonPolymorphicTypes) {
        Serializer sagaSerializer = fieldsOnly(axonPolymorphicTypes);
        return JdbcSagaStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(sagaSerializer)
                .sqlSchema(new GenericSagaSqlSchema(SagaSchema.builder()
                        .sagaEntryTable("saga_entry")
                        .associationValueEntryTable("association_value_entry")
                        .sagaIdColumn("saga_id")
                        .sagaTypeColumn("saga_type")
                        .revisionColumn("revision")
                        .serializedSagaColumn("serialized_saga")
                        .associationKeyColumn("association_key")
                        .associationValueColumn("association_value")
                        .build()))
                .build();
    }

    /**
     * A Jackson serializer that reads and writes an object's fields, whatever their access, and ignores its
     * methods: for state kept in private fields without accessors (sagas, snapshots of aggregates).
     */
    static Serializer fieldsOnly(Jackson3SerializerCustomizer axonPolymorphicTypes) {
        return Jackson3Serializer.builder()
                .jsonMapperBuilderCustomizer(builder -> {
                    axonPolymorphicTypes.accept(builder);
                    builder.changeDefaultVisibility(visibility -> visibility
                            .withFieldVisibility(JsonAutoDetect.Visibility.ANY)
                            .withGetterVisibility(JsonAutoDetect.Visibility.NONE)
                            .withIsGetterVisibility(JsonAutoDetect.Visibility.NONE)
                            .withSetterVisibility(JsonAutoDetect.Visibility.NONE));
                })
                .build();
    }

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * Jackson 3's default type validator rejects the {@code Object} context of Axon's ReplayToken,
     * and a streaming processor that starts on a non-empty store then dies reading its own token. Money
     * is stored as {@code {amount, currency}}, as the API writes it.
     */
    @Bean
    Jackson3SerializerCustomizer axonPolymorphicTypes() {
        return builder -> builder.addMixIn(Money.class, MoneyJson.class).polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("java.lang.")
                .allowIfSubType("java.util.")
                .allowIfSubType("java.time.")
                .allowIfSubType("dev.gigstream.")
                .build());
    }
}
