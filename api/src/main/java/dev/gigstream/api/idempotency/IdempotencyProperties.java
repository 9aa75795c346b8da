package dev.gigstream.api.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long an answer is kept for a retry with the same {@code Idempotency-Key} ({@code retention}, 24 h by
 * the contract), how long a claimed key whose request never finished (its instance died) blocks the key
 * ({@code claim-timeout}), and how often expired keys are deleted ({@code purge-every}).
 */
@ConfigurationProperties("gigstream.idempotency")
public record IdempotencyProperties(Duration retention, Duration claimTimeout, Duration purgeEvery) {
}
