package dev.gigstream.messages.dispute;

import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** An admin's decision; {@code workerShare} only for {@link DisputeOutcome#SPLIT}. */
public record ResolveDispute(@TargetAggregateIdentifier DisputeId disputeId,
                             @NotPersonal String adminId,
                             DisputeOutcome outcome,
                             Money workerShare,
                             @PersonalData(subject = "adminId") String note,
                             Instant at) {
}
