package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.WorkerId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReinstateWorker(@TargetAggregateIdentifier WorkerId workerId, String adminId, String reason) {
}
