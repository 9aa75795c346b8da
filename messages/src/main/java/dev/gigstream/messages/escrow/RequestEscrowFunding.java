package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.WorkerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens the escrow of a hire: the client owes the job's pay plus the service fee. */
public record RequestEscrowFunding(@TargetAggregateIdentifier EscrowId escrowId,
                                   JobId jobId,
                                   @NotPersonal String clientId,
                                   WorkerId workerId,
                                   Money pay) {
}
