package dev.gigstream.messages.job;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.WorkerId;

public record JobCompleted(JobId jobId, WorkerId workerId) {
}
