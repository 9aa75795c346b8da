package dev.gigstream.messages.worker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin takes a worker off the marketplace: no applications and no ranking until reinstated. */
public record SuspendWorker(@TargetAggregateIdentifier String workerId, String adminId, String reason) {
}
