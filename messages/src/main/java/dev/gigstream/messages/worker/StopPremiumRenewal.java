package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.WorkerId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The subscription will not renew (the worker cancelled, or Paystack says so): premium lasts to its period end. */
public record StopPremiumRenewal(@TargetAggregateIdentifier WorkerId workerId, @NotPersonal String reason) {
}
