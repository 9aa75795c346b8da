package dev.gigstream.api.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One line of the global event stream: the event's position in the store (pass the last one as
 * {@code after} to read on), and its aggregate when it has one (events published outside an
 * aggregate, such as notifications, have none). Account and phone numbers in the payload are as the
 * disclosure shows them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "EventStreamItem")
public record StreamedEvent(long position, String eventId, String aggregateId, String aggregateType, Long sequence,
                            String type, Instant timestamp, JsonNode payload, Map<String, Object> metadata) {

    static StreamedEvent of(long position, TrackedEventMessage<?> event, JsonMapper json, Disclosure disclosure) {
        DomainEventMessage<?> domainEvent = event instanceof DomainEventMessage<?> d ? d : null;
        return new StreamedEvent(position, event.getIdentifier(),
                domainEvent == null ? null : domainEvent.getAggregateIdentifier(),
                domainEvent == null ? null : domainEvent.getType(),
                domainEvent == null ? null : domainEvent.getSequenceNumber(),
                event.getPayloadType().getSimpleName(), event.getTimestamp(),
                disclosure.shown(json.valueToTree(event.getPayload())),
                new TreeMap<>(event.getMetaData()));
    }
}
