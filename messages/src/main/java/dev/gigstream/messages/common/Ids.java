package dev.gigstream.messages.common;

/** The check every typed id ({@link JobId}, {@link WorkerId}, {@link EscrowId}, {@link DisputeId}) makes of its value. */
final class Ids {

    private Ids() {
    }

    static String require(String value, String type) {
        if (value == null || value.isBlank()) {
            throw new InvalidIdException(type, value);
        }
        return value;
    }
}
