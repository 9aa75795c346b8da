package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.PersonalData;
import dev.gigstream.messages.common.WorkerId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates the worker behind a freshly registered WORKER account; the account id is the worker id. */
public record RegisterWorker(@TargetAggregateIdentifier WorkerId workerId, @PersonalData(subject = "workerId") String fullName) {
}
