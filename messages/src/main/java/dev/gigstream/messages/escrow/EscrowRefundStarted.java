package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.Money;

import java.util.List;

/** {@code payoutReference} is set when part of the money goes to the worker. */
public record EscrowRefundStarted(String escrowId,
                                  String jobId,
                                  String workerId,
                                  Money refund,
                                  Money workerShare,
                                  String payoutReference,
                                  String reason,
                                  List<Posting> postings) {
}
