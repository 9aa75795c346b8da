package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.WorkerId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The worker's account holds a verified phone number now. Sent by the edge after the account's change committed;
 * the number itself stays in the account, out of the events.
 */
public record RecordPhoneVerified(@TargetAggregateIdentifier WorkerId workerId) {
}
