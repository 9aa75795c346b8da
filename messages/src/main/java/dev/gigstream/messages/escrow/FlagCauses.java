package dev.gigstream.messages.escrow;

import java.util.Optional;

/**
 * What an escrow's flag is about, so the event that resolves it clears it: the refund owed to the
 * client (cleared when Paystack processed it, {@link EscrowRefunded}) and each chargeback (cleared
 * when Paystack resolves it in the platform's favour).
 */
public final class FlagCauses {

    public static final String REFUND = "refund";

    private FlagCauses() {
    }

    private static final String CHARGEBACK = "chargeback:";

    public static String chargeback(String chargebackId) {
        return CHARGEBACK + chargebackId;
    }

    /** The chargeback a cause is about, if it is about one. */
    public static Optional<String> chargebackOf(String cause) {
        return cause != null && cause.startsWith(CHARGEBACK) ? Optional.of(cause.substring(CHARGEBACK.length())) : Optional.empty();
    }
}
