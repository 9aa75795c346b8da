package dev.gigstream.messages.dispute;

import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A party adds a piece of evidence. {@code evidenceId} names the piece, so that the same piece sent again (a
 * retry whose first answer was lost) is recognised and added once.
 */
public record AddEvidence(@TargetAggregateIdentifier DisputeId disputeId,
                          @NotPersonal String evidenceId,
                          @NotPersonal String by,
                          @PersonalData(subject = "by") String text,
                          Instant at) {
}
