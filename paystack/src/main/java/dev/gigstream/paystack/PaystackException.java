package dev.gigstream.paystack;

/**
 * Paystack refused a request or could not be reached. {@code httpStatus} is 0 when no answer came
 * (timeout, connection refused); {@code retryable} tells whether the same request may succeed later.
 */
public class PaystackException extends RuntimeException {

    private final int httpStatus;

    public PaystackException(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public boolean retryable() {
        return httpStatus == 0 || httpStatus == 429 || httpStatus >= 500;
    }
}
