package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.WorkerId;

/** The amounts are fixed here, by the fee policy, for the life of the escrow. */
public record EscrowFundingRequested(EscrowId escrowId,
                                     JobId jobId,
                                     @NotPersonal String clientId,
                                     WorkerId workerId,
                                     Money pay,
                                     Money serviceFee,
                                     Money total,
                                     @NotPersonal String reference) {
}
