package dev.gigstream.messages.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a worker, typed so that it cannot be passed where another kind of id is expected. Stored,
 * serialized and used as an aggregate id or association value as the bare string ({@link #toString()}).
 */
public record WorkerId(@NotPersonal @JsonValue String value) {

    public WorkerId {
        value = Ids.require(value, "WorkerId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static WorkerId of(String value) {
        return new WorkerId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
