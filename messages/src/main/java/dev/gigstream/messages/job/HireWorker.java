package dev.gigstream.messages.job;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issued by a client at {@code at}; refused unless it is the job's client, the worker applied and the
 * shift has not started. The escrow id is chosen here.
 */
public record HireWorker(@TargetAggregateIdentifier String jobId, String workerId, String clientId, String escrowId,
                         Instant at) {
}
