package dev.gigstream.api.messaging;

import com.mongodb.client.MongoClient;
import dev.gigstream.query.common.InOrder;
import dev.gigstream.query.common.PerInstance;
import dev.gigstream.query.common.SharedProcessor;
import dev.gigstream.api.storage.ReadModelProperties;
import dev.gigstream.api.storage.SegmentClaims;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.spring.stereotype.Saga;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * How events reach their handlers. Every processor is a pooled streaming processor. A failing
 * handler is never skipped: a projection parks the failed event (and the rest of its aggregate's
 * events) in a dead-letter queue that admins can list and that is retried periodically, while the
 * projection goes on with other aggregates; a saga or policy fails its batch, which the processor
 * retries with back-off, and after a few attempts parks the event ({@link ParkedEvents}) and goes on. Projections keep their tracking tokens in MongoDB next to their
 * documents, so a replay rebuilds both together; sagas keep theirs in the event-store database next
 * to the saga state. A projection marked {@link PerInstance} keeps its token in memory: every instance
 * processes the stream itself (from the start, or from the head when it must not see history), and it
 * retries failures instead of sharing a dead-letter queue. {@link InOrder} projections and per-instance
 * handlers that start at the head (notifications) run as single-threaded tracking processors.
 */
@Configuration(proxyBeanMethods = false)
class EventProcessingConfiguration {

    /**
     * Projections are the {@link ProcessingGroup}s whose handlers live in the query-side module, and the
     * policies module's: its policies left query-side with their names, tokens and processors, so they keep
     * their tokens in MongoDB beside their own state and share the read models' processors as before.
     */
    static final List<String> PROJECTION_PACKAGES = List.of("dev.gigstream.query.", "dev.gigstream.policies.");
    static final String POLICY_PACKAGE = "dev.gigstream.sagas.";
    /**
     * The sagas share the processor the lifecycle saga always had (and its stored tokens): the payment
     * saga, split from it, starts exactly where the lifecycle was, with nothing skipped or seen twice.
     */
    static final String SAGA_PROCESSOR = "JobLifecycleSagaProcessor";
    static final String PAYMENT_SAGA_GROUP = "EscrowPaymentSagaProcessor";

    /** Whether the handlers of {@code type} are processed as a projection (see {@link #PROJECTION_PACKAGES}). */
    static boolean processedAsProjection(Class<?> type) {
        return PROJECTION_PACKAGES.stream().anyMatch(type.getName()::startsWith);
    }

    @Bean
    Projections projections(ListableBeanFactory beans) {
        List<String> projectionBeans = Arrays.stream(beans.getBeanNamesForAnnotation(ProcessingGroup.class))
                .filter(bean -> processedAsProjection(Objects.requireNonNull(beans.getType(bean))))
                .toList();
        Function<Predicate<String>, Set<String>> groups = which -> projectionBeans.stream().filter(which)
                .map(bean -> Objects.requireNonNull(beans.findAnnotationOnBean(bean, ProcessingGroup.class)).value())
                .collect(Collectors.toSet());
        return new Projections(
                groups.apply(bean -> beans.findAnnotationOnBean(bean, PerInstance.class) == null),
                groups.apply(bean -> beans.findAnnotationOnBean(bean, PerInstance.class) != null),
                groups.apply(bean -> {
                    PerInstance perInstance = beans.findAnnotationOnBean(bean, PerInstance.class);
                    return perInstance != null && !perInstance.replay();
                }),
                groups.apply(bean -> beans.findAnnotationOnBean(bean, InOrder.class) != null),
                sharedProcessors(beans, projectionBeans));
    }

    /** Processing group to processor, for groups that share one ({@link SharedProcessor}). */
    private static Map<String, String> sharedProcessors(ListableBeanFactory beans, List<String> projectionBeans) {
        Map<String, String> processors = new TreeMap<>();
        for (String bean : projectionBeans) {
            SharedProcessor shared = beans.findAnnotationOnBean(bean, SharedProcessor.class);
            if (shared != null) {
                String group = Objects.requireNonNull(beans.findAnnotationOnBean(bean, ProcessingGroup.class)).value();
                String before = processors.putIfAbsent(group, shared.value());
                if (before != null && !before.equals(shared.value())) {
                    throw new IllegalStateException("The handlers of " + group + " name two processors: " + before
                            + " and " + shared.value());
                }
            }
        }
        return processors;
    }

    /**
     * The processors whose segments the instances share, which {@link SegmentBalancer} spreads over them:
     * every streaming processor except those of per-instance projections (tokens in memory) and, when the
     * read models are in this instance's own in-process MongoDB, of the shared projections too (their
     * tokens are then this instance's alone). Groups, not processors, are named: it holds however the
     * groups are assigned to processors.
     */
    @Bean
    SharedProcessors sharedProcessors(Projections projections, ReadModelProperties readModels,
                                      ObjectProvider<org.axonframework.config.EventProcessingConfiguration> processing) {
        Set<String> ownGroups = new TreeSet<>(projections.perInstance());
        if (!readModels.external()) {
            ownGroups.addAll(projections.shared());
        }
        return new SharedProcessors(processing::getObject, ownGroups);
    }

    /** Sagas, and policies (handlers in the sagas module), park what they cannot handle. */
    @Bean
    ParkedEvents parkedEvents(ListableBeanFactory beans, ConnectionProvider connectionProvider,
                              TransactionManager transactionManager, DeadLetterSchema deadLetterSchema,
                              @Qualifier("eventSerializer") Serializer eventSerializer, Serializer serializer,
                              ObjectProvider<org.axonframework.config.EventProcessingConfiguration> processing,
                              @Value("${gigstream.sagas.attempts-before-parking:3}") int attempts) {
        Set<String> groups = new TreeSet<>();
        for (String bean : beans.getBeanNamesForAnnotation(Saga.class)) {
            Class<?> saga = Objects.requireNonNull(beans.getType(bean));
            ProcessingGroup group = saga.getAnnotation(ProcessingGroup.class);
            groups.add(group != null ? group.value() : saga.getSimpleName() + "Processor");
        }
        for (String bean : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            if (Objects.requireNonNull(beans.getType(bean)).getName().startsWith(POLICY_PACKAGE)) {
                groups.add(Objects.requireNonNull(beans.findAnnotationOnBean(bean, ProcessingGroup.class)).value());
            }
        }
        return new ParkedEvents(groups, attempts, group -> JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(group)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(deadLetterSchema)
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build(), processing::getObject, transactionManager);
    }

    /** Lets one read model be rebuilt while the others of its processor go on (see ProjectionProcessors). */
    @Bean
    static ReplayGates replayGates() {
        return new ReplayGates();
    }

    @Bean
    CommittedEvents committedEvents(ObjectProvider<EventStore> eventStore) {
        return new CommittedEvents(eventStore::getObject);
    }

    @Bean
    static TokensStored tokensStored() {
        return new TokensStored();
    }

    @Bean
    ConfigurerModule eventProcessing(Projections projections,
                                     ParkedEvents parked,
                                     CommittedEvents committedEvents,
                                     TokensStored tokensStored,
                                     MongoClient readModelClient,
                                     ReadModelProperties readModelProperties,
                                     ConnectionProvider connectionProvider,
                                     TransactionManager transactionManager,
                                     DeadLetterSchema deadLetterSchema,
                                     @Qualifier("eventSerializer") Serializer eventSerializer,
                                     SegmentClaims claims,
                                     @Value("${gigstream.processing.projection-segments:1}") int projectionSegments,
                                     @Value("${gigstream.processing.segments:4}") int segments) {
        return configurer -> {
            committedEvents.stopsWith(configurer);
            var processing = configurer.eventProcessing();
            // groups of the same kind of work share a processor: one read of the stream, one token
            projections.processors().forEach(processing::assignProcessingGroup);
            processing.assignProcessingGroup(PAYMENT_SAGA_GROUP, SAGA_PROCESSOR);
            // a batch takes what is available, up to 100 events, in one transaction and one token update;
            // a projection's sequenced writes wait for the batch and go out in one bulk write per collection
            // just before the token (FlushingTokenStore);
            // the processor looks for events as soon as they are committed (CommittedEvents). Every
            // segment is a work package that sees every event: projections, which only write their own
            // documents, keep to one; sagas and policies, which wait on other services, get a few
            // instances share segments through their claims (SegmentClaims): each claims up to its cap, refreshes
            // its claims well within the claim timeout and looks for segments to take over every claim interval
            Set<String> sharing = new TreeSet<>(projections.processorsOf(projections.shared()));
            sharing.removeAll(projections.shared());
            // a processor that now runs read models which had processors of their own starts where they were
            Function<org.axonframework.config.Configuration, Function<String, Function<StreamableMessageSource<TrackedEventMessage<?>>, TrackingToken>>> start =
                    c -> name -> sharing.contains(name)
                            ? TokensBeforeSharing.start(name, projections.groupsOf(name), mongoTokenStore(readModelClient, readModelProperties, c.serializer(), claims))
                            : StreamableMessageSource::createTailToken;
            processing.usingPooledStreamingEventProcessors((c, builder) -> builder.batchSize(100)
                              .initialToken(start.apply(c).apply(builder.name()))
                              .initialSegmentCount(projections.runsProjections(builder.name()) ? projectionSegments : segments)
                              .maxClaimedSegments(claims.maxClaimedSegmentsOrAll())
                              .tokenClaimInterval(claims.tokenClaimInterval().toMillis())
                              .claimExtensionThreshold(claims.claimExtensionThreshold().toMillis())
                              .messageSource(new WakingEventSource(c.eventStore(), committedEvents)))
                      .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
            for (String group : parked.groups()) {
                processing.registerListenerInvocationErrorHandler(group, c -> parked.errorHandlerFor(group));
            }
            // token stores and processor settings are per processor; dead letters and errors per group
            for (String processor : projections.processorsOf(projections.perInstance())) {
                processing.registerTokenStore(processor, c -> new FlushingTokenStore(new InMemoryTokenStore(), tokensStored::signal));
            }
            // in order, or from the head of the stream per instance: one thread, one segment
            Set<String> fromHead = projections.processorsOf(projections.fromHead());
            Set<String> tracking = new TreeSet<>(projections.processorsOf(projections.inOrder()));
            tracking.addAll(fromHead);
            for (String processor : tracking) {
                var settings = TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(100)
                        .andTokenClaimInterval(claims.tokenClaimInterval().toMillis(), TimeUnit.MILLISECONDS);
                processing.registerTrackingEventProcessor(processor,
                        c -> new WakingEventSource(c.eventStore(), committedEvents),
                        c -> settings.andInitialTrackingToken(fromHead.contains(processor)
                                ? StreamableMessageSource::createHeadToken : start.apply(c).apply(processor)));
            }
            for (String processor : projections.processorsOf(projections.shared())) {
                processing.registerTokenStore(processor, c -> new FlushingTokenStore(mongoTokenStore(readModelClient, readModelProperties, c.serializer(), claims),
                        tokensStored::signal));
            }
            for (String projection : projections.shared()) {
                processing.registerDeadLetterQueue(projection, c -> JdbcSequencedDeadLetterQueue.builder()
                                  .processingGroup(projection)
                                  .connectionProvider(connectionProvider)
                                  .transactionManager(transactionManager)
                                  .schema(deadLetterSchema)
                                  .genericSerializer(c.serializer())
                                  .eventSerializer(eventSerializer)
                                  .build())
                          // remembers which aggregates have nothing parked, instead of asking the database per event
                          .registerDeadLetteringEventHandlerInvokerConfiguration(projection,
                                  (c, invoker) -> invoker.enableSequenceIdentifierCache());
            }
        };
    }

    private static TokenStore mongoTokenStore(MongoClient client, ReadModelProperties properties, Serializer serializer,
                                              SegmentClaims claims) {
        MongoTokenStore tokenStore = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, properties.database()).build())
                .serializer(serializer)
                .claimTimeout(claims.claimTimeout())
                .nodeId(claims.nodeId())
                .build();
        tokenStore.ensureIndexes();
        return tokenStore;
    }
}
