package dev.gigstream.messages.job;

import dev.gigstream.messages.common.Money;

/** The hired worker did not come: the escrow goes back to the client ({@code workerShare} is zero). */
public record WorkerNoShow(String jobId, String workerId, String escrowId, Money workerShare) {
}
