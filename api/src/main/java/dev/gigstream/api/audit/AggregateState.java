package dev.gigstream.api.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * An aggregate as it stood at {@code at}: its fields after applying its events up to {@code sequence}.
 */
@Schema(name = "AggregateStateDetails")
public record AggregateState(String aggregateId, String type, Instant at, long sequence, Instant lastEventAt, JsonNode state) {
}
