package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.WorkerId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A premium payment (the subscription's first or a renewal) covers the worker until {@code until}, the
 * subscription's next payment date. A period that ends no later than the current one changes nothing.
 */
public record ExtendPremium(@TargetAggregateIdentifier WorkerId workerId, Instant until) {
}
