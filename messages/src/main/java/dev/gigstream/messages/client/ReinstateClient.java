package dev.gigstream.messages.client;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReinstateClient(@TargetAggregateIdentifier String clientId, String adminId, String reason) {
}
