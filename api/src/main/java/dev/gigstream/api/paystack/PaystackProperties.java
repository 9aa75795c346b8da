package dev.gigstream.api.paystack;

import dev.gigstream.api.escrow.PaymentProvider;

import java.time.Duration;
import java.util.List;

/**
 * Paystack: where it is ({@code PAYSTACK_BASE_URL}), the secret key ({@code PAYSTACK_SECRET_KEY}, which
 * also signs webhooks), where the checkout returns the client, whether webhooks are accepted only from
 * Paystack's published addresses, and how the reconciliation sweep runs. Bound from
 * {@code gigstream.paystack} and then fitted to the payments mode by {@code PaystackConfiguration}: the
 * bean others see has no key when payments are off, and the sandbox's key in sandbox mode.
 */
public record PaystackProperties(String baseUrl,
                                 String secretKey,
                                 String callbackUrl,
                                 boolean webhookSourceCheck,
                                 List<String> webhookSources,
                                 Duration reconcileEvery,
                                 Duration reconcileAfter) implements PaymentProvider {

    /** The same settings with another secret key (null: payments off) and webhook source check. */
    PaystackProperties with(String key, boolean sourceCheck) {
        return new PaystackProperties(baseUrl, key, callbackUrl, sourceCheck, webhookSources, reconcileEvery, reconcileAfter);
    }

    /** Without a secret key nothing can be charged, paid out or verified. */
    @Override
    public boolean configured() {
        return secretKey != null && !secretKey.isBlank();
    }
}
