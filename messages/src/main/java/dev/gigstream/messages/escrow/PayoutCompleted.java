package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.WorkerId;

import java.util.List;

public record PayoutCompleted(EscrowId escrowId,
                              JobId jobId,
                              WorkerId workerId,
                              Money amount,
                              @NotPersonal String payoutReference,
                              List<Posting> postings) {
}
