package dev.gigstream.messages.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a dispute, typed so that it cannot be passed where another kind of id is expected. Stored,
 * serialized and used as an aggregate id or association value as the bare string ({@link #toString()}).
 */
public record DisputeId(@NotPersonal @JsonValue String value) {

    public DisputeId {
        value = Ids.require(value, "DisputeId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DisputeId of(String value) {
        return new DisputeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
