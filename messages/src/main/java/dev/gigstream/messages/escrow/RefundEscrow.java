package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.NotPersonal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a funded escrow without a release: {@code workerShare} goes to the worker, all the rest back to the client. */
public record RefundEscrow(@TargetAggregateIdentifier EscrowId escrowId, Money workerShare, @NotPersonal String reason) {
}
