package dev.gigstream.messages.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record CancelJob(@TargetAggregateIdentifier String jobId, String clientId, String reason, Instant at) {
}
