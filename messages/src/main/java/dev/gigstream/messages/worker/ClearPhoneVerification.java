package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.WorkerId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The worker's account no longer holds a verified phone number (it was changed). Sent by the edge after the change committed. */
public record ClearPhoneVerification(@TargetAggregateIdentifier WorkerId workerId) {
}
