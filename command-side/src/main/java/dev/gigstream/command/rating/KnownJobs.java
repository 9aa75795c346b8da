package dev.gigstream.command.rating;

import dev.gigstream.messages.common.JobId;

/**
 * Whether a job exists at all, for a rating that comes before the job finished: an unknown job is not
 * found, a known one is not finished yet. Asked of the command side's lookup table of jobs, not of the job.
 */
public interface KnownJobs {

    boolean known(JobId jobId);
}
