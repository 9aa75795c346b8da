package dev.gigstream.api.audit;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.gigstream.messages.common.RefusedException;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateMetaModelFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An aggregate as it stood at an instant, rebuilt from its own events up to that instant by the
 * aggregate's own {@code @EventSourcingHandler}s (members included), exactly as Axon's repository
 * rebuilds it for a command, but never handed to one. Its fields, whatever their visibility, are
 * its state; nothing is changed on the command side for this. Account and phone numbers among them
 * are as the disclosure shows them.
 */
@Component
class AsOfState {

    /** Reads every field of an aggregate and of its members; getters are business methods, not state. */
    private static final JsonMapper FIELDS = JsonMapper.builder()
            .changeDefaultVisibility(visibility -> visibility
                    .withFieldVisibility(Visibility.ANY)
                    .withGetterVisibility(Visibility.NONE)
                    .withIsGetterVisibility(Visibility.NONE)
                    .withSetterVisibility(Visibility.NONE)
                    .withCreatorVisibility(Visibility.NONE))
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private final EventStore eventStore;
    private final Configuration axon;
    private volatile Map<String, Rebuilder<?>> rebuilders;

    AsOfState(EventStore eventStore, Configuration axon) {
        this.eventStore = eventStore;
        this.axon = axon;
    }

    AggregateState of(String aggregateId, Instant at, Disclosure disclosure) {
        DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
        if (!stream.hasNext()) {
            throw new RefusedException(AuditErrorCode.AGGREGATE_NOT_FOUND, "No aggregate has the id " + aggregateId);
        }
        List<DomainEventMessage<?>> upToAt = new ArrayList<>();
        while (stream.hasNext() && !stream.peek().getTimestamp().isAfter(at)) {
            upToAt.add(stream.next());
        }
        if (upToAt.isEmpty()) {
            throw new RefusedException(AuditErrorCode.AGGREGATE_NOT_YET_CREATED,
                    "The aggregate " + aggregateId + " did not exist yet at " + at);
        }
        DomainEventMessage<?> last = upToAt.get(upToAt.size() - 1);
        String type = last.getType();
        Rebuilder<?> rebuilder = rebuilders().get(type);
        if (rebuilder == null) {
            throw new RefusedException(AuditErrorCode.AGGREGATE_TYPE_NOT_REBUILDABLE,
                    "No aggregate of type " + type + " is known to this application");
        }
        Object aggregate = rebuilder.rebuild(aggregateId, upToAt);
        return new AggregateState(aggregateId, type, at, last.getSequenceNumber(), last.getTimestamp(),
                disclosure.shown(FIELDS.valueToTree(aggregate)));
    }

    /** Every configured aggregate by the type name its events carry, read from Axon's configuration once it is complete. */
    private Map<String, Rebuilder<?>> rebuilders() {
        if (rebuilders == null) {
            @SuppressWarnings("unchecked")
            List<AggregateConfiguration<?>> aggregates = (List<AggregateConfiguration<?>>) (List<?>) axon.findModules(AggregateConfiguration.class);
            rebuilders = aggregates.stream().map(this::rebuilder)
                    .collect(Collectors.toUnmodifiableMap(Rebuilder::type, Function.identity(), (a, b) -> a));
        }
        return rebuilders;
    }

    /** The aggregate's meta-model as its repository builds it: same parameter resolvers and handler definitions. */
    private <T> Rebuilder<T> rebuilder(AggregateConfiguration<T> aggregate) {
        Class<T> type = aggregate.aggregateType();
        AggregateModel<T> model = axon.getComponent(AggregateMetaModelFactory.class,
                        () -> new AnnotatedAggregateMetaModelFactory(axon.parameterResolverFactory(), axon.handlerDefinition(type)))
                .createModel(type);
        return new Rebuilder<>(aggregate, model);
    }

    private record Rebuilder<T>(AggregateConfiguration<T> aggregate, AggregateModel<T> model) {

        String type() {
            return model.type();
        }

        /** Applies the events as the event-sourcing repository does when it loads an aggregate; publishes nothing. */
        T rebuild(String aggregateId, List<DomainEventMessage<?>> events) {
            T root = aggregate.aggregateFactory().createAggregateRoot(aggregateId, events.get(0));
            EventSourcedAggregate<T> rebuilt = EventSourcedAggregate.initialize(root, model, null,
                    NoSnapshotTriggerDefinition.TRIGGER);
            rebuilt.initializeState(DomainEventStream.of(events));
            return rebuilt.getAggregateRoot();
        }
    }
}
