package dev.gigstream.messages.common;

/**
 * A typed id ({@link JobId}, {@link WorkerId}, {@link EscrowId}, {@link DisputeId}) given no value, one
 * exception for every kind, so the api answers a blank id in any path alike (it names nothing: 404).
 */
public final class InvalidIdException extends IllegalArgumentException {

    private final String field;

    InvalidIdException(String type, String value) {
        super(type + " must be a non-blank string, was " + (value == null ? "null" : "'" + value + "'"));
        this.field = Character.toLowerCase(type.charAt(0)) + type.substring(1);
    }

    /** The id's usual name in requests and messages: {@code jobId} for a {@link JobId}. */
    public String field() {
        return field;
    }
}
