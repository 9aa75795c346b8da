package dev.gigstream.messages.job;

import dev.gigstream.messages.common.JobId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record CancelJob(@TargetAggregateIdentifier JobId jobId, String clientId, String reason, Instant at) {
}
