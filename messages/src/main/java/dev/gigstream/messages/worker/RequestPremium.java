package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.WorkerId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The worker asks to subscribe to premium; {@code reference} is the checkout's. Refused while premium. */
public record RequestPremium(@TargetAggregateIdentifier WorkerId workerId, @NotPersonal String reference) {
}
