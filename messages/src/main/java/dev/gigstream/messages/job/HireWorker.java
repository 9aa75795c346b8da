package dev.gigstream.messages.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Issued by a client; refused unless it is the job's client and the worker applied. The escrow id is chosen here. */
public record HireWorker(@TargetAggregateIdentifier String jobId, String workerId, String clientId, String escrowId) {
}
