package dev.gigstream.api.web.problems;

/** The requested resource does not exist (or the caller may not know that it does): answered as 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
