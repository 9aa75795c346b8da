package dev.gigstream.messages.dispute;

import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The job's client or hired worker complains; a chargeback opens one on the client's behalf. Sent to
 * the job, which decides whether a dispute may open and starts the dispute {@code disputeId}.
 */
public record OpenDispute(DisputeId disputeId,
                          @TargetAggregateIdentifier JobId jobId,
                          @NotPersonal String openedBy,
                          @PersonalData(subject = "openedBy") String reason,
                          @PersonalData(subject = "openedBy") String details,
                          Instant at) {
}
