package dev.gigstream.command.rating;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.rating.JobRatingsOpened;

import java.util.Optional;

/**
 * How a job that finished before jobs opened their own ratings (under the version before the Job started
 * {@link JobRatings}) would have opened them: its parties, its status and its end, as the command side's
 * lookup table of jobs keeps them from the job's events. Its ratings open at their first rating, so such a
 * job is rated within its window by the same rules as any other; a job that has not finished has none.
 */
public interface FinishedJobs {

    Optional<JobRatingsOpened> openingOf(JobId jobId);
}
