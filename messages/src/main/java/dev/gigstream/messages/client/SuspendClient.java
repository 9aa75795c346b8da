package dev.gigstream.messages.client;

import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin stops a client: no new jobs and no hires until reinstated. */
public record SuspendClient(@NotPersonal @TargetAggregateIdentifier String clientId,
                            @NotPersonal String adminId,
                            @PersonalData(subject = "clientId") String reason) {
}
