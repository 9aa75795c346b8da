package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;

import java.util.List;

public record EscrowRefunded(EscrowId escrowId, JobId jobId, Money refunded, List<Posting> postings) {
}
