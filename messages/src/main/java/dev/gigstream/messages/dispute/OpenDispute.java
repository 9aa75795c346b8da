package dev.gigstream.messages.dispute;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The job's client or hired worker complains; a chargeback opens one on the client's behalf. */
public record OpenDispute(@TargetAggregateIdentifier String disputeId,
                          String jobId,
                          String openedBy,
                          String reason,
                          String details,
                          Instant at) {
}
