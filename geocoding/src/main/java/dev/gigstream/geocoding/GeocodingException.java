package dev.gigstream.geocoding;

/**
 * Geocoding gave no usable answer. {@link Reason#UNAVAILABLE}: Google could not be asked or would
 * not answer (no answer in time, lost connection, 5xx or UNKNOWN_ERROR after the retries; at once
 * for OVER_QUERY_LIMIT, OVER_DAILY_LIMIT, HTTP 429 and REQUEST_DENIED, a wrong or restricted key);
 * {@link Reason#INVALID}: the request itself is wrong (INVALID_REQUEST, e.g. a blank address).
 * {@code status} is Google's status when it sent one, {@code httpStatus} 0 when no answer came and -1
 * when nothing was sent (the request was refused before sending, or the caller was interrupted).
 * Callers decide by these, never by the message text, which never carries the API key.
 */
public class GeocodingException extends RuntimeException {

    public enum Reason {
        /** Geocoding is out of reach for now (or misconfigured); the address itself may be fine. */
        UNAVAILABLE,
        /** The request was refused as malformed; asking again will not help. */
        INVALID
    }

    private final Reason reason;
    private final String status;
    private final int httpStatus;

    public GeocodingException(Reason reason, String status, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.status = status;
        this.httpStatus = httpStatus;
    }

    public Reason reason() {
        return reason;
    }

    /** Google's status, e.g. {@code OVER_QUERY_LIMIT}, {@code REQUEST_DENIED}; or null when none came. */
    public String status() {
        return status;
    }

    /** The HTTP status of the answer; 0 when no answer came (timeout, connection refused or lost), -1 when nothing was sent. */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * The same request may succeed if sent again at once: no answer, 5xx or UNKNOWN_ERROR. Quota answers
     * (OVER_QUERY_LIMIT, OVER_DAILY_LIMIT, HTTP 429) are not: another try only spends more of the quota.
     */
    public boolean retryable() {
        return httpStatus == 0 || httpStatus >= 500 || "UNKNOWN_ERROR".equals(status);
    }
}
