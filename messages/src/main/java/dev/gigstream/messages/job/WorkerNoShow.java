package dev.gigstream.messages.job;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.WorkerId;

/** The hired worker did not come: the escrow goes back to the client ({@code workerShare} is zero). */
public record WorkerNoShow(JobId jobId, WorkerId workerId, EscrowId escrowId, Money workerShare) {
}
