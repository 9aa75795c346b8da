package dev.gigstream.query.matching;

import dev.gigstream.messages.common.RefusedException;

/**
 * The store of the offer queues did not answer (Redis down or too slow): offers then reach workers as
 * pushes only, and the offers endpoint answers 503 {@code OFFERS_UNAVAILABLE}.
 */
public class OffersUnavailable extends RefusedException {

    public OffersUnavailable(String detail, Throwable cause) {
        super(MatchingErrorCode.OFFERS_UNAVAILABLE, detail);
        initCause(cause);
    }
}
