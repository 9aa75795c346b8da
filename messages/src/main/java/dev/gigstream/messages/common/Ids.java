package dev.gigstream.messages.common;

/** The check every typed id ({@link JobId}, {@link WorkerId}, {@link EscrowId}, {@link DisputeId}) makes of its value. */
final class Ids {

    private Ids() {
    }

    static String require(String value, String type) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(type + " must be a non-blank string, was " + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }
}
