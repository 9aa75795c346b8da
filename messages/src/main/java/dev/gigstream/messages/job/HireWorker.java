package dev.gigstream.messages.job;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.WorkerId;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issued by a client at {@code at}; refused unless it is the job's client, the worker applied and the
 * shift has not started. The escrow id is chosen here.
 */
public record HireWorker(@TargetAggregateIdentifier JobId jobId, WorkerId workerId, @NotPersonal String clientId, EscrowId escrowId,
                         Instant at) {
}
