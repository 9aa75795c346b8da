package dev.gigstream.messages.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawApplication(@TargetAggregateIdentifier String jobId, String workerId) {
}
