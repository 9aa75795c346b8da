package dev.gigstream.messages.job;

/**
 * The defaults of the job lifecycle's settings that clients are told (the API's descriptions), as
 * compile-time constants: the setting's default is built from the constant and the OpenAPI text says
 * it is the default, so the two cannot drift apart. An operator may set another value.
 */
public final class LifecycleDefaults {

    /** How long the client has to pay a hire, in hours, unless {@code GIGSTREAM_PAYMENT_WINDOW} says otherwise. */
    public static final int PAYMENT_WINDOW_HOURS = 2;

    private LifecycleDefaults() {
    }
}
