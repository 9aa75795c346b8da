package dev.gigstream.sagas.lifecycle;

import dev.gigstream.messages.common.Money;

/** The port through which the lifecycle takes the client's money and gives it back (Paystack behind it). */
public interface Payments {

    /** Opens a checkout for the charge and returns the page the client pays on. */
    String openCheckout(String escrowId, String clientId, String chargeReference, Money total);

    /** Refunds {@code amount} of the charge to the client. */
    void refund(String chargeReference, Money amount);
}
