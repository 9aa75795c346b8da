package dev.gigstream.messages.job;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.WorkerId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawApplication(@TargetAggregateIdentifier JobId jobId, WorkerId workerId) {
}
