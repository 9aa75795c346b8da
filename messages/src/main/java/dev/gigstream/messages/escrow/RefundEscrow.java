package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Returns money to the client: {@code refund} to the client and {@code workerShare} to the worker, together at most what is held. */
public record RefundEscrow(@TargetAggregateIdentifier String escrowId,
                           Money refund,
                           Money workerShare,
                           String reason) {
}
