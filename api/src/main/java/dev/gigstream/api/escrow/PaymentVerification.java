package dev.gigstream.api.escrow;

import java.util.Optional;

/**
 * The port through which a client's "verify my payment now" asks the payment provider about a charge
 * (Paystack behind it): the answer is the escrow command the provider's word amounts to, the same a
 * webhook would give.
 */
public interface PaymentVerification {

    /** The command for the escrow of the charge {@code reference}; empty while the charge is not paid. */
    Optional<Object> verifyCharge(String reference);
}
