package dev.gigstream.messages.worker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record EndPremium(@TargetAggregateIdentifier String workerId) {
}
