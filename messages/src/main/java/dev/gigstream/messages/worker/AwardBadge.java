package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.WorkerId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The badge policy found the worker earned {@code badge}; refused when the worker already has it. */
public record AwardBadge(@TargetAggregateIdentifier WorkerId workerId, Badge badge, Instant at) {
}
