package dev.gigstream.messages.job;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record CancelJob(@TargetAggregateIdentifier JobId jobId,
                        @NotPersonal String clientId,
                        @PersonalData(subject = "clientId") String reason,
                        Instant at) {
}
