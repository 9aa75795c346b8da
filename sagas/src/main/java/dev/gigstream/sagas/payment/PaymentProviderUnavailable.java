package dev.gigstream.sagas.payment;

/**
 * Thrown by a port when the payment provider cannot be reached or answers with a transient error
 * (down, timing out, 429, 5xx) after the client's own retries: the payment saga tries again later by a
 * deadline of its own, so one escrow's trouble never holds back another's.
 */
public class PaymentProviderUnavailable extends RuntimeException {

    public PaymentProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
