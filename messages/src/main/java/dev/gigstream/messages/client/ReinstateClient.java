package dev.gigstream.messages.client;

import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReinstateClient(@NotPersonal @TargetAggregateIdentifier String clientId,
                              @NotPersonal String adminId,
                              @PersonalData(subject = "clientId") String reason) {
}
