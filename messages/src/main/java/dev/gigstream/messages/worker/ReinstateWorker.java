package dev.gigstream.messages.worker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReinstateWorker(@TargetAggregateIdentifier String workerId, String adminId, String reason) {
}
