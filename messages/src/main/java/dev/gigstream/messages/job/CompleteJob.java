package dev.gigstream.messages.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The worker was paid: the job is done. */
public record CompleteJob(@TargetAggregateIdentifier String jobId) {
}
