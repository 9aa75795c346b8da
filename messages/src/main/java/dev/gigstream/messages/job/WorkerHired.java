package dev.gigstream.messages.job;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.WorkerId;

import java.time.Instant;

/** {@code shiftStart} bounds the payment window: a hire must be paid before its shift begins. */
public record WorkerHired(JobId jobId, WorkerId workerId, @NotPersonal String clientId, Money pay, EscrowId escrowId, Instant shiftStart) {
}
