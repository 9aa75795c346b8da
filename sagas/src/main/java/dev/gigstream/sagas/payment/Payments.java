package dev.gigstream.sagas.payment;

import dev.gigstream.messages.common.Money;

/**
 * The port through which the payment saga takes the client's money and gives it back (Paystack behind
 * it). Both calls throw {@link PaymentProviderUnavailable} when the provider cannot be reached and
 * {@link PaymentRefused} when it refuses for good.
 */
public interface Payments {

    /** Opens a checkout for the charge and returns the page the client pays on. */
    String openCheckout(String escrowId, String clientId, String chargeReference, Money total);

    /** Refunds {@code amount} of the charge to the client. */
    void refund(String chargeReference, Money amount);
}
