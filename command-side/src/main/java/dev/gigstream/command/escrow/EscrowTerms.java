package dev.gigstream.command.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.escrow.EscrowFundingRequested;

/** Who an escrow is between and the amounts fixed when it was requested, for the life of the escrow. */
record EscrowTerms(EscrowId escrowId, JobId jobId, String clientId, WorkerId workerId, Money pay, Money serviceFee,
                   Money total) {

    static EscrowTerms of(EscrowFundingRequested event) {
        return new EscrowTerms(event.escrowId(), event.jobId(), event.clientId(), event.workerId(), event.pay(),
                event.serviceFee(), event.total());
    }
}
