package dev.gigstream.messages.job;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.WorkerId;

public record JobFunded(JobId jobId, EscrowId escrowId, WorkerId workerId) {
}
