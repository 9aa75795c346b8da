package dev.gigstream.messages.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a job, typed so that it cannot be passed where another kind of id is expected. Stored,
 * serialized and used as an aggregate id or association value as the bare string ({@link #toString()}).
 */
public record JobId(@NotPersonal @JsonValue String value) {

    public JobId {
        value = Ids.require(value, "JobId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static JobId of(String value) {
        return new JobId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
