package dev.gigstream.api.console;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where a projection's processor stands in the event stream, as this instance sees it: its position
 * (the lowest of its segments; null while this instance holds none of them), how many positions it
 * is behind the head of the store, whether it is replaying (processing again the events that were
 * stored when its replay was asked for), and whether an admin may replay it.
 */
@Schema(name = "ProjectionStatusItem")
public record ProjectionStatus(String name, Long position, Long lag, boolean replaying, boolean replayable) {
}
