package dev.gigstream.api.webhook;

import java.util.Optional;

/**
 * The webhook controller's port to the Paystack adapter: whether a delivery comes from Paystack and is
 * signed by it, and applying it once. The controller turns the answers into HTTP; the adapter alone
 * reads Paystack's shapes.
 */
public interface PaystackDeliveries {

    /** Whether a delivery from this address is accepted (Paystack's published sources, unless the check is off). */
    boolean fromPaystack(String remoteAddress);

    /** Whether {@code signature} (x-paystack-signature) signs exactly these bytes. */
    boolean signs(byte[] body, String signature);

    /**
     * Applies a signed delivery once: a repeat, an event for someone else, or one the escrow refuses changes
     * nothing and is not refused either.
     *
     * @return why the delivery could not be read, or empty when it was applied (or needs nothing)
     */
    Optional<Unreadable> apply(byte[] body);

    /** A signed delivery that cannot be read: not JSON or without an event ({@code NOT_READ}), or with a field of another type. */
    record Unreadable(Reason reason, String detail) {
        public enum Reason { NOT_READ, MALFORMED }
    }
}
