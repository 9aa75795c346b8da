package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;
import dev.gigstream.messages.common.WorkerId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin takes a worker off the marketplace: no applications and no ranking until reinstated. */
public record SuspendWorker(@TargetAggregateIdentifier WorkerId workerId,
                            @NotPersonal String adminId,
                            @PersonalData(subject = "workerId") String reason) {
}
