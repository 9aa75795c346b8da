package dev.gigstream.api.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.eventhandling.DomainEventMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One event of an aggregate as auditors read it: its payload as JSON (account and phone numbers as
 * the disclosure shows them) and all its metadata (correlationId, userId, source).
 */
@Schema(name = "AuditEventItem")
public record AuditEvent(long sequence, String type, Instant timestamp,
                         JsonNode payload, Map<String, Object> metadata) {

    static AuditEvent of(DomainEventMessage<?> event, JsonMapper json, Disclosure disclosure) {
        return new AuditEvent(event.getSequenceNumber(), event.getPayloadType().getSimpleName(), event.getTimestamp(),
                disclosure.shown(json.valueToTree(event.getPayload())), new TreeMap<>(event.getMetaData()));
    }
}
