package dev.gigstream.messages.escrow;

/**
 * What an escrow's flag is about, so the event that resolves it clears it: the refund owed to the
 * client (cleared when Paystack processed it, {@link EscrowRefunded}) and each chargeback (cleared
 * when Paystack resolves it in the platform's favour).
 */
public final class FlagCauses {

    public static final String REFUND = "refund";

    private FlagCauses() {
    }

    public static String chargeback(String chargebackId) {
        return "chargeback:" + chargebackId;
    }
}
