package dev.gigstream.messages.dispute;

import dev.gigstream.messages.common.DisputeId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A party adds a piece of evidence. {@code evidenceId} names the piece, so that the same piece sent again (a
 * retry whose first answer was lost) is recognised and added once.
 */
public record AddEvidence(@TargetAggregateIdentifier DisputeId disputeId, String evidenceId, String by, String text, Instant at) {
}
