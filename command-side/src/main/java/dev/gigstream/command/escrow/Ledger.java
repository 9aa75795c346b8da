package dev.gigstream.command.escrow;

import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.escrow.LedgerAccount;
import dev.gigstream.messages.escrow.Posting;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the postings of one ledger entry and refuses an entry that does not balance: debits
 * (positive) and credits (negative) must sum to zero. Zero lines are left out.
 */
final class Ledger {

    private final List<Posting> postings = new ArrayList<>();

    static Ledger entry() {
        return new Ledger();
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
