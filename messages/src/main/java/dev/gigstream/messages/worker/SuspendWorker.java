package dev.gigstream.messages.worker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin takes a worker off the marketplace: no new applications until reinstated. */
public record SuspendWorker(@TargetAggregateIdentifier String workerId, String reason) {
}
