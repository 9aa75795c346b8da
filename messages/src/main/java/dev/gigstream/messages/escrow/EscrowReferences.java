package dev.gigstream.messages.escrow;

import dev.gigstream.messages.common.EscrowId;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paystack references derived from the escrow id, so a webhook or a verify answer leads straight
 * back to its escrow: the charge is {@code gs-esc-<escrowId>} (refunds are identified by it too),
 * the n-th payout attempt {@code gs-pay-<escrowId>-<n>}.
 */
public final class EscrowReferences {

    private static final Pattern CHARGE = Pattern.compile("gs-esc-([0-9a-f-]{36})");
    private static final Pattern PAYOUT = Pattern.compile("gs-pay-([0-9a-f-]{36})-\\d+");

    private EscrowReferences() {
    }

    public static String charge(EscrowId escrowId) {
        return "gs-esc-" + escrowId;
    }

    public static String payout(EscrowId escrowId, int attempt) {
        return "gs-pay-" + escrowId + "-" + attempt;
    }

    public static Optional<String> escrowOfCharge(String reference) {
        return group(CHARGE.matcher(reference == null ? "" : reference));
    }

    public static Optional<String> escrowOfPayout(String reference) {
        return group(PAYOUT.matcher(reference == null ? "" : reference));
    }

    private static Optional<String> group(Matcher matcher) {
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
