package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.Money;

/** The amounts are fixed here, by the fee policy, for the life of the escrow. */
public record EscrowFundingRequested(String escrowId,
                                     String jobId,
                                     String clientId,
                                     String workerId,
                                     Money pay,
                                     Money serviceFee,
                                     Money total,
                                     String reference) {
}
