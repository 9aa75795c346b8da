package dev.gigstream.command.job;

import dev.gigstream.messages.common.EscrowId;

/**
 * Whether the escrow of a hire holds the client's money: paid, in time (not after it was cancelled), and
 * neither released nor refunded since. The Job hears of its funding from the lifecycle a moment after the
 * escrow stores it; a check-in in that moment asks this instead. Answered from the command-side table
 * kept from the escrow's events in the transaction that stores them, so the Job never loads the escrow.
 */
@FunctionalInterface
public interface EscrowFunding {

    boolean funded(EscrowId escrowId);
}
