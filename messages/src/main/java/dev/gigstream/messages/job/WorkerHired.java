package dev.gigstream.messages.job;

import dev.gigstream.messages.common.Money;

public record WorkerHired(String jobId, String workerId, String clientId, Money pay, String escrowId) {
}
