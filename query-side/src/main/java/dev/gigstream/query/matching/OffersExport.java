package dev.gigstream.query.matching;

import dev.gigstream.messages.export.FindPersonalData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The offers section of a data export ({@link FindPersonalData.Offers}): every offer still held in the
 * person's queue (MongoDB or Redis, whichever keeps the queues), lapsed ones included until they are dropped.
 */
@Component
class OffersExport {

    private final OfferQueues queues;

    OffersExport(OfferQueues queues) {
        this.queues = queues;
    }

    @QueryHandler
    FindPersonalData.Offers handle(FindPersonalData query) {
        return new FindPersonalData.Offers(queues.live(query.userId(), Instant.EPOCH).stream()
                .map(offer -> new FindPersonalData.Offers.Offer(offer.jobId(), offer.rank(), offer.title(), offer.expiresAt()))
                .toList());
    }
}
