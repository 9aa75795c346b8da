package dev.gigstream.messages.job;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.WorkerId;

import java.time.Instant;

/**
 * The job was offered to a worker who fits it: their {@code rank} among the workers it was offered to
 * (1 is the best fit), in offer {@code wave} (1 at once, later ones after a delay while the job is open),
 * {@code distanceKm} from their home to the site; the offer lapses at {@code expiresAt}. The job's
 * {@code title} and {@code pay} travel with it, so a worker's offer list needs no other event. Offers made
 * before the Job decided them (published by a projection) have no wave, distance, title or pay.
 */
public record JobOffered(JobId jobId,
                         WorkerId workerId,
                         int rank,
                         Instant offeredAt,
                         Instant expiresAt,
                         Integer wave,
                         Double distanceKm,
                         @NotPersonal String title,
                         Money pay) {
}
