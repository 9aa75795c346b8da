package dev.gigstream.messages.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelJob(@TargetAggregateIdentifier String jobId, String clientId, String reason) {
}
