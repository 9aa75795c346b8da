package dev.gigstream.command.escrow;

import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.escrow.LedgerAccount;
import dev.gigstream.messages.escrow.Posting;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static dev.gigstream.messages.escrow.LedgerAccount.CHARGEBACK_LOSSES;
import static dev.gigstream.messages.escrow.LedgerAccount.ESCROW;
import static dev.gigstream.messages.escrow.LedgerAccount.PAYSTACK_BALANCE;
import static dev.gigstream.messages.escrow.LedgerAccount.PLATFORM_REVENUE;
import static dev.gigstream.messages.escrow.LedgerAccount.PROCESSOR_FEES;
import static dev.gigstream.messages.escrow.LedgerAccount.REFUND_PAYABLE;
import static dev.gigstream.messages.escrow.LedgerAccount.WORKER_PAYABLE;

/**
 * The entries of an escrow's double-entry ledger, one per money movement, and the builder that
 * refuses an entry that does not balance: debits (positive) and credits (negative) sum to zero.
 * Zero lines are left out.
 */
final class Ledger {

    private final List<Posting> postings = new ArrayList<>();

    static Ledger entry() {
        return new Ledger();
    }

    /** The client paid the total: Paystack kept its fee, the rest is in our balance, all of it owed by the escrow. */
    static List<Posting> funding(Money total, Money processorFee) {
        return entry().debit(PAYSTACK_BALANCE, total.minus(processorFee)).debit(PROCESSOR_FEES, processorFee)
                .credit(ESCROW, total).balanced();
    }

    /** The escrow releases what it holds: the pay is owed to the worker, the rest is the platform's. */
    static List<Posting> release(Money held, Money pay) {
        return entry().debit(ESCROW, held).credit(WORKER_PAYABLE, pay).credit(PLATFORM_REVENUE, held.minus(pay)).balanced();
    }

    /** A transfer to the worker went through. */
    static List<Posting> payout(Money amount) {
        return entry().debit(WORKER_PAYABLE, amount).credit(PAYSTACK_BALANCE, amount).balanced();
    }

    /** A transfer that had gone through came back: the worker is owed it again. */
    static List<Posting> reversal(Money amount) {
        return entry().debit(PAYSTACK_BALANCE, amount).credit(WORKER_PAYABLE, amount).balanced();
    }

    /** The escrow gives back what it holds: the worker's share to the worker, the rest to the client. */
    static List<Posting> refund(Money held, Money refund, Money workerShare) {
        return entry().debit(ESCROW, held).credit(REFUND_PAYABLE, refund).credit(WORKER_PAYABLE, workerShare).balanced();
    }

    /** Paystack processed the refund to the client. */
    static List<Posting> refundProcessed(Money amount) {
        return entry().debit(REFUND_PAYABLE, amount).credit(PAYSTACK_BALANCE, amount).balanced();
    }

    /**
     * A chargeback was lost: the card network took {@code amount} from our balance. What the escrow
     * still holds pays for it first (that money went back to the client); the rest is a loss.
     */
    static List<Posting> chargebackLost(Money held, Money amount) {
        long fromEscrow = Math.min(held.amount(), amount.amount());
        return entry().debit(ESCROW, fromEscrow).debit(CHARGEBACK_LOSSES, amount.amount() - fromEscrow)
                .credit(PAYSTACK_BALANCE, amount).balanced();
    }

    /** The sum of an entry's postings on {@code account}. */
    static long sum(List<Posting> postings, LedgerAccount account) {
        return postings.stream().filter(p -> p.account() == account).mapToLong(Posting::amount).sum();
    }

    Ledger debit(LedgerAccount account, long amount) {
        if (amount != 0) {
            postings.add(new Posting(account, amount));
        }
        return this;
    }

    Ledger credit(LedgerAccount account, long amount) {
        return debit(account, -amount);
    }

    Ledger debit(LedgerAccount account, Money amount) {
        return debit(account, amount.amount());
    }

    Ledger credit(LedgerAccount account, Money amount) {
        return debit(account, -amount.amount());
    }

    List<Posting> balanced() {
        long sum = postings.stream().mapToLong(Posting::amount).sum();
        if (sum != 0) {
            throw new IllegalStateException("unbalanced ledger entry " + postings + " (sums to " + sum + ")");
        }
        return List.copyOf(postings);
    }

    /** Each account's balance after applying the entries, for invariant checks. */
    static Map<LedgerAccount, Long> balances(List<List<Posting>> entries) {
        Map<LedgerAccount, Long> balances = new EnumMap<>(LedgerAccount.class);
        entries.forEach(entry -> entry.forEach(p -> balances.merge(p.account(), p.amount(), Long::sum)));
        return balances;
    }
}
