package dev.gigstream.messages.job;

import dev.gigstream.messages.common.JobId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The worker was paid: the job is done. */
public record CompleteJob(@TargetAggregateIdentifier JobId jobId) {
}
