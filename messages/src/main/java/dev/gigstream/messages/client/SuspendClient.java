package dev.gigstream.messages.client;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin stops a client: no new jobs and no hires until reinstated. */
public record SuspendClient(@TargetAggregateIdentifier String clientId, String adminId, String reason) {
}
