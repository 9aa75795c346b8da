package dev.gigstream.messages.job;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.WorkerId;

public record HireLapsed(JobId jobId, WorkerId workerId, EscrowId escrowId, @NotPersonal String reason) {
}
