package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.WorkerId;

import java.util.List;

/**
 * {@code payoutReference} is set when part of the money goes to the worker. {@code reason} names what refunds the
 * client (a no-show, a dispute's outcome, {@code job <id> cancelled by the client}), never a person's words: events
 * stored before issue 26 may hold the client's cancellation reason after {@code cancelled by the client: }.
 */
public record EscrowRefundStarted(EscrowId escrowId,
                                  JobId jobId,
                                  WorkerId workerId,
                                  Money refund,
                                  Money workerShare,
                                  @NotPersonal String payoutReference,
                                  @NotPersonal String reason,
                                  List<Posting> postings) {
}
