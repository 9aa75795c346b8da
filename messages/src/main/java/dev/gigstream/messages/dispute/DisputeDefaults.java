package dev.gigstream.messages.dispute;

/**
 * The defaults of the dispute settings that clients are told (the API's descriptions), as compile-time
 * constants: the setting's default is built from the constant and the OpenAPI text says it is the
 * default, so the two cannot drift apart. An operator may set another value.
 */
public final class DisputeDefaults {

    /** After how many days an open dispute shows as overdue, unless {@code GIGSTREAM_DISPUTE_OVERDUE_AFTER} says otherwise. */
    public static final int OVERDUE_AFTER_DAYS = 7;

    private DisputeDefaults() {
    }
}
