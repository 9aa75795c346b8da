package dev.gigstream.messages.common;

/**
 * Why a command was refused. Travels as the details of a {@code CommandExecutionException}, so it
 * survives a distributed command bus; the edge turns it into a problem response.
 */
public record Refusal(@NotPersonal String code, Kind kind, @NotPersonal String detail) {

    public enum Kind { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT, GONE, UNAVAILABLE }

    public static Refusal of(ErrorCode code, String detail) {
        return new Refusal(code.name(), code.kind(), detail);
    }
}
