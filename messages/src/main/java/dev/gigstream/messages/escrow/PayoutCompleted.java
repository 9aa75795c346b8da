package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.Money;

import java.util.List;

public record PayoutCompleted(String escrowId,
                              String jobId,
                              String workerId,
                              Money amount,
                              String payoutReference,
                              List<Posting> postings) {
}
