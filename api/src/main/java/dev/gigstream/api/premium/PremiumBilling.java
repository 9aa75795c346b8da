package dev.gigstream.api.premium;

import dev.gigstream.messages.common.Currency;

/**
 * The port through which a worker's premium is bought and cancelled at the payment provider (Paystack's
 * plan subscriptions behind it). What starts, extends and ends premium are the provider's webhooks, not
 * these calls.
 */
public interface PremiumBilling {

    /** The provider's checkout page for the worker's monthly plan in {@code currency}, paid under {@code reference}. */
    String checkout(String workerId, Currency currency, String reference);

    /**
     * Stops the renewal of the worker's subscription at the provider; premium lasts to the end of the paid period.
     *
     * @throws dev.gigstream.messages.common.RefusedException {@code NO_PREMIUM_SUBSCRIPTION} when none renews
     */
    void stopRenewal(String workerId);
}
