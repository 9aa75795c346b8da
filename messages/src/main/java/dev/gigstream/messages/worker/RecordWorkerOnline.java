package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.WorkerId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The worker made an authenticated request at {@code at}. Recorded at most once a minute. */
public record RecordWorkerOnline(@TargetAggregateIdentifier WorkerId workerId, Instant at) {
}
