package dev.gigstream.messages.job;

import dev.gigstream.messages.common.JobId;

/** An open job that nobody was hired for when its shift started. */
public record JobExpired(JobId jobId) {
}
