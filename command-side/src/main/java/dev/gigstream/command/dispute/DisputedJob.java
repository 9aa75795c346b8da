package dev.gigstream.command.dispute;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.WorkerId;

/** What the job that opens a dispute tells it: its parties, its escrow and its pay. */
public record DisputedJob(JobId jobId, EscrowId escrowId, String clientId, WorkerId workerId, Money pay) {
}
