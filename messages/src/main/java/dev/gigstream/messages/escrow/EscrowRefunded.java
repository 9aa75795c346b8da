package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.Money;

import java.util.List;

public record EscrowRefunded(String escrowId, String jobId, Money refunded, List<Posting> postings) {
}
