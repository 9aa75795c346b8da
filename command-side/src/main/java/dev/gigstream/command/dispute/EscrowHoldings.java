package dev.gigstream.command.dispute;

import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.Money;

/**
 * What a dispute needs to know of the escrow of its job, which the job does not: what the escrow holds
 * when the dispute opens, and whether Paystack has yet to resolve a chargeback on that money when an
 * admin decides. Answered from a command-side table kept from the escrow's events in the transaction
 * that stores them, so a dispute never loads (or changes) the escrow.
 */
public interface EscrowHoldings {

    Money held(EscrowId escrowId);

    boolean chargebackOpen(EscrowId escrowId);
}
