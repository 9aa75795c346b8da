package dev.gigstream.paystack;

import java.net.URI;
import java.time.Duration;

/**
 * Where Paystack is and how patiently to talk to it. {@code maxAttempts} counts the first try;
 * retries (only after a timeout, a lost connection, 429 or 5xx) wait {@code initialBackoff}, then
 * twice as long each time.
 */
public record PaystackSettings(URI baseUrl, String secretKey, Duration connectTimeout, Duration requestTimeout,
                               int maxAttempts, Duration initialBackoff) {

    public static PaystackSettings of(String baseUrl, String secretKey) {
        return new PaystackSettings(URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/"), secretKey,
                Duration.ofSeconds(5), Duration.ofSeconds(15), 4, Duration.ofMillis(500));
    }

    public PaystackSettings withRetries(int maxAttempts, Duration initialBackoff, Duration requestTimeout) {
        return new PaystackSettings(baseUrl, secretKey, connectTimeout, requestTimeout, maxAttempts, initialBackoff);
    }
}
