package dev.gigstream.api.matching;

import dev.gigstream.messages.common.Money;

import java.time.Instant;
import java.util.List;

/**
 * The port through which a worker reads the job offers still open to them, best first: the offer queues
 * (Redis, or MongoDB without it) stand behind it. Answered 503 {@code OFFERS_UNAVAILABLE}
 * while the queues do not answer.
 */
interface LiveOffers {

    /** Title, pay and distance are null for offers made before the Job decided offers. */
    record LiveOffer(String jobId, String title, Money pay, Double distanceKm, Instant expiresAt) {
    }

    List<LiveOffer> of(String workerId, Instant now);
}
