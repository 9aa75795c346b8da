package dev.gigstream.messages.worker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The worker's premium subscription became active (its payment flow comes with subscriptions). */
public record StartPremium(@TargetAggregateIdentifier String workerId) {
}
