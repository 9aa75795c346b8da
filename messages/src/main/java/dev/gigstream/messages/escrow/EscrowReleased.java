package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.WorkerId;

import java.util.List;

public record EscrowReleased(EscrowId escrowId,
                             JobId jobId,
                             WorkerId workerId,
                             Money workerAmount,
                             Money platformFee,
                             @NotPersonal String payoutReference,
                             List<Posting> postings) {
}
