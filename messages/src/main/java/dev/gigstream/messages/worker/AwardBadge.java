package dev.gigstream.messages.worker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The badge policy found the worker earned {@code badge}; refused when the worker already has it. */
public record AwardBadge(@TargetAggregateIdentifier String workerId, Badge badge, Instant at) {
}
