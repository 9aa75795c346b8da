package dev.gigstream.api.console;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A parked event: the group it failed in, its aggregate and sequence when it has one, and why it failed. */
@Schema(name = "DeadLetterItem")
public record DeadLetterEntry(String projection, String eventType, String aggregateId, Long sequenceNumber,
                         String causeType, String causeMessage, Instant enqueuedAt, Instant lastTouched) {
}
