package dev.gigstream.api.escrow;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Paystack: where it is ({@code PAYSTACK_BASE_URL}), the secret key ({@code PAYSTACK_SECRET_KEY}, which
 * also signs webhooks), where the checkout returns the client, whether webhooks are accepted only from
 * Paystack's published addresses, and how the reconciliation sweep runs.
 */
@ConfigurationProperties("gigstream.paystack")
public record PaystackProperties(String baseUrl,
                                 String secretKey,
                                 String callbackUrl,
                                 boolean webhookSourceCheck,
                                 List<String> webhookSources,
                                 Duration reconcileEvery,
                                 Duration reconcileAfter) {

    /** Without a secret key nothing can be charged, paid out or verified. */
    public boolean configured() {
        return secretKey != null && !secretKey.isBlank();
    }
}
