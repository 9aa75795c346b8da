package dev.gigstream.policies.compliance;

import dev.gigstream.messages.worker.PayoutAccount;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Several workers paid out to one account (one person behind several accounts, or an agent
 * collecting others' pay): {@code minWorkers} distinct workers (2) whose payout account has the same
 * bank code and account number flag the account. Accounts are compared, and kept, by a key: the
 * SHA-256 of the normalized bank code and account number, never the number itself.
 */
public record SharedPayoutAccountPolicy(int minWorkers) {

    public SharedPayoutAccountPolicy {
        if (minWorkers < 2) {
            throw new IllegalArgumentException("minWorkers must be at least 2: one worker does not share an account");
        }
    }

    public boolean shared(Collection<String> workerIds) {
        return workerIds.stream().distinct().count() >= minWorkers;
    }

    /** The same for "058"/"0123456789" and " 058 "/"0123 456 789": upper-case bank code, digits only. */
    public static String accountKey(PayoutAccount account) {
        String bank = account.bankCode().strip().toUpperCase(Locale.ROOT);
        String number = account.accountNumber().replaceAll("\\D", "");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((bank + ":" + number).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
