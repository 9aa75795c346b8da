package dev.gigstream.messages.job;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.NotPersonal;

import java.util.List;

/**
 * The delay before offer {@code wave} passed and the job is still open: the matching policy offers it to
 * the next best fitting workers, none of {@code offeredWorkerIds} (everyone it was offered to so far).
 */
public record JobOfferWaveDue(JobId jobId, int wave, @NotPersonal List<String> offeredWorkerIds) {

    public JobOfferWaveDue {
        offeredWorkerIds = List.copyOf(offeredWorkerIds);
    }
}
