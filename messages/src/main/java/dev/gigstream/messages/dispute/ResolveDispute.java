package dev.gigstream.messages.dispute;

import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** An admin's decision; {@code workerShare} only for {@link DisputeOutcome#SPLIT}. */
public record ResolveDispute(@TargetAggregateIdentifier DisputeId disputeId,
                             String adminId,
                             DisputeOutcome outcome,
                             Money workerShare,
                             String note,
                             Instant at) {
}
