package dev.gigstream.sagas.payment;

import dev.gigstream.messages.common.Money;

/**
 * The port through which a worker is paid (a Paystack transfer to their recipient). It throws
 * {@link PaymentProviderUnavailable} when the provider cannot be reached: the outcome is then
 * unknown, and the same reference is tried again.
 */
public interface Payouts {

    enum Outcome { SUCCEEDED, PENDING, FAILED, NEEDS_OTP }

    /** Sends {@code amount} to the worker under our idempotent {@code reference}. */
    Outcome pay(String workerId, String reference, Money amount, String reason);
}
