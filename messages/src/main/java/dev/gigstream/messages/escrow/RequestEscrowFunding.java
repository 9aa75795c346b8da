package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens the escrow of a hire: the client owes the job's pay plus the service fee. */
public record RequestEscrowFunding(@TargetAggregateIdentifier String escrowId,
                                   String jobId,
                                   String clientId,
                                   String workerId,
                                   Money pay) {
}
