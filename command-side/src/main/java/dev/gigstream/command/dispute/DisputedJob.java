package dev.gigstream.command.dispute;

import dev.gigstream.messages.common.Money;

/** What the job that opens a dispute tells it: its parties, its escrow and its pay. */
public record DisputedJob(String jobId, String escrowId, String clientId, String workerId, Money pay) {
}
