package dev.gigstream.messages.job;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.WorkerId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Sent by the matching policy: offer the job to these workers as offer {@code wave} (1 when it is posted,
 * the next ones when the Job says they are due). The Job offers an open job only, to nobody twice, and
 * takes a wave once, so sending this again changes nothing. {@code nextWaveAt} is when the next wave is
 * due, or null after the last one.
 */
public record OfferJob(@TargetAggregateIdentifier JobId jobId,
                       int wave,
                       List<Offer> offers,
                       Instant offeredAt,
                       Instant nextWaveAt) {

    public OfferJob {
        offers = List.copyOf(offers);
    }

    /** One worker's offer: their rank among everyone the job is offered to, and when the offer lapses. */
    public record Offer(WorkerId workerId, int rank, double distanceKm, Instant expiresAt) {
    }
}
