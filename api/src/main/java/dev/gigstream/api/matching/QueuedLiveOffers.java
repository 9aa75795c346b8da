package dev.gigstream.api.matching;

import dev.gigstream.query.matching.OfferQueues;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** The workers' offer queues behind {@link LiveOffers}. */
@Component
class QueuedLiveOffers implements LiveOffers {

    private final OfferQueues queues;

    QueuedLiveOffers(OfferQueues queues) {
        this.queues = queues;
    }

    @Override
    public List<LiveOffer> of(String workerId, Instant now) {
        return queues.live(workerId, now).stream()
                .map(offer -> new LiveOffer(offer.jobId(), offer.title(), offer.pay(), offer.distanceKm(), offer.expiresAt()))
                .toList();
    }
}
