package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;
import dev.gigstream.messages.common.WorkerId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReinstateWorker(@TargetAggregateIdentifier WorkerId workerId,
                              @NotPersonal String adminId,
                              @PersonalData(subject = "workerId") String reason) {
}
