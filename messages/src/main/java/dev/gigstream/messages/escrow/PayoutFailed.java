package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.NotPersonal;

import java.util.List;

/**
 * A transfer to the worker failed, or was reversed after it had succeeded (then {@code postings}
 * take the money back into the worker's payable). The next attempt uses {@code nextPayoutReference}.
 */
public record PayoutFailed(EscrowId escrowId,
                           @NotPersonal String payoutReference,
                           @NotPersonal String reason,
                           int failures,
                           @NotPersonal String nextPayoutReference,
                           Money amount,
                           List<Posting> postings) {
}
