package dev.gigstream.messages.rating;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.job.JobStatus;

import java.time.Instant;

/**
 * A job finished (COMPLETED, or NO_SHOW: then its client alone rates) and its parties may rate each
 * other from {@code finishedAt}: started by the job in the unit of work where it finished.
 */
public record JobRatingsOpened(@NotPersonal String ratingsId,
                               JobId jobId,
                               @NotPersonal String clientId,
                               WorkerId workerId,
                               JobStatus jobStatus,
                               Instant finishedAt) {
}
