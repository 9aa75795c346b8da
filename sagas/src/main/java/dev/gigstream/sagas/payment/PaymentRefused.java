package dev.gigstream.sagas.payment;

/**
 * Thrown by a port when the payment provider refuses a request for good (a bad account, a refund of
 * more than is left): trying again would not help, so an operator is asked.
 */
public class PaymentRefused extends RuntimeException {

    public PaymentRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
