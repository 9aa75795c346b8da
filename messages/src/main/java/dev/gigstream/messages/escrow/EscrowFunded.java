package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.Money;

import java.util.List;

public record EscrowFunded(String escrowId,
                           String jobId,
                           Money funded,
                           long processorFee,
                           List<Posting> postings) {
}
