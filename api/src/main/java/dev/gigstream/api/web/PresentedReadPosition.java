package dev.gigstream.api.web;

import dev.gigstream.api.messaging.ReadModelPositions;
import dev.gigstream.api.web.problems.InvalidRequestException;
import dev.gigstream.api.web.problems.RetryLaterException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The {@value ReadPositions#HEADER} a read presents, and the wait for it: up to {@link ReadPositions#WAIT}
 * for the read model answering a query to have passed it, else 503 {@value ReadPositions#BEHIND} with
 * {@code Retry-After}. A read that checks who may read what it found waits only once it has found the
 * caller may ({@link AwaitsReadPosition#afterAccessCheck()}).
 */
@Component
public class PresentedReadPosition {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final Pattern POSITION = Pattern.compile("\\d{1,18}");

    private final ReadModelPositions positions;

    PresentedReadPosition(ReadModelPositions positions) {
        this.positions = positions;
    }

    /** The position the request presents; empty without the header, 400 when it is not a whole number. */
    public OptionalLong of(HttpServletRequest request) {
        String presented = request.getHeader(ReadPositions.HEADER);
        if (presented == null) {
            return OptionalLong.empty();
        }
        if (!POSITION.matcher(presented.strip()).matches()) {
            throw new InvalidRequestException(ReadPositions.HEADER, "the Read-Position a write answered: a whole number");
        }
        return OptionalLong.of(Long.parseLong(presented.strip()));
    }

    /**
     * Waits for the read model answering {@code query} to have passed {@code position}; 503
     * {@value ReadPositions#BEHIND} when it has not within {@link ReadPositions#WAIT}.
     */
    public void await(long position, Class<?> query) {
        if (!positions.awaitReadModels(position, ReadPositions.WAIT, query)) {
            throw new RetryLaterException(HttpStatus.SERVICE_UNAVAILABLE, ReadPositions.BEHIND, "The read model has not "
                    + "caught up with the write at position " + position + " yet; send the request again", RETRY_AFTER);
        }
    }
}
