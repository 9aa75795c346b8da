package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.Money;

import java.util.List;

public record EscrowReleased(String escrowId,
                             String jobId,
                             String workerId,
                             Money workerAmount,
                             Money platformFee,
                             String payoutReference,
                             List<Posting> postings) {
}
