package dev.gigstream.messages.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a escrow, typed so that it cannot be passed where another kind of id is expected. Stored,
 * serialized and used as an aggregate id or association value as the bare string ({@link #toString()}).
 */
public record EscrowId(@NotPersonal @JsonValue String value) {

    public EscrowId {
        value = Ids.require(value, "EscrowId");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static EscrowId of(String value) {
        return new EscrowId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
