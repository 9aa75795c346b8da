package dev.gigstream.messages.job;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record ApplyToJob(@TargetAggregateIdentifier String jobId,
                         String workerId,
                         String note,
                         Instant appliedAt) {
}
