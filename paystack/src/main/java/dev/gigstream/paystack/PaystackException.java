package dev.gigstream.paystack;

/**
 * Paystack refused a request or could not be reached. {@code httpStatus} is 0 when no answer came
 * (timeout, connection refused); {@code code} and {@code type} are Paystack's own, from its error
 * body, when it sent them. Callers decide by these, never by the message text.
 */
public class PaystackException extends RuntimeException {

    private final int httpStatus;
    private final String code;
    private final String type;

    public PaystackException(String message, int httpStatus, Throwable cause) {
        this(message, httpStatus, null, null, cause);
    }

    public PaystackException(String message, int httpStatus, String code, String type, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.code = code;
        this.type = type;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Paystack's error code (e.g. {@code invalid_params}), or null. */
    public String code() {
        return code;
    }

    /** Paystack's error type: {@code api_error}, {@code validation_error} or {@code processor_error}; or null. */
    public String type() {
        return type;
    }

    /** The same request may succeed later: no answer, rate limited, or Paystack's own failure. */
    public boolean retryable() {
        return httpStatus == 0 || httpStatus == 429 || httpStatus >= 500;
    }

    /** Paystack does not know what was asked about (e.g. a transfer reference never sent). */
    public boolean notFound() {
        return httpStatus == 404;
    }
}
