package dev.gigstream.command.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.WorkerId;

/** Who an escrow is between and the amounts fixed when it was requested, for the life of the escrow. */
record EscrowTerms(EscrowId escrowId, JobId jobId, String clientId, WorkerId workerId, Money pay, Money serviceFee,
                   Money total) {
}
