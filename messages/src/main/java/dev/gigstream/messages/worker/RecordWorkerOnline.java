package dev.gigstream.messages.worker;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The worker made an authenticated request at {@code at}. Recorded at most once a minute. */
public record RecordWorkerOnline(@TargetAggregateIdentifier String workerId, Instant at) {
}
