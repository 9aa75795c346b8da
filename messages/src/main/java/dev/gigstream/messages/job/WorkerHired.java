package dev.gigstream.messages.job;

import dev.gigstream.messages.common.Money;

import java.time.Instant;

/** {@code shiftStart} bounds the payment window: a hire must be paid before its shift begins. */
public record WorkerHired(String jobId, String workerId, String clientId, Money pay, String escrowId, Instant shiftStart) {
}
