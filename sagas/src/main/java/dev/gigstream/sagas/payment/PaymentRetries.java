package dev.gigstream.sagas.payment;

import java.time.Duration;

/**
 * How a payment-provider call that fails is tried again: after {@code backoff}, doubling with every
 * failure, until {@code maxAttempts} tries ask an operator to step in (a payout is then left to the
 * operator; a refund is still tried, since the money is the client's).
 */
public record PaymentRetries(int maxAttempts, Duration backoff) {

    public static PaymentRetries defaults() {
        return new PaymentRetries(5, Duration.ofMinutes(1));
    }

    Duration backoffAfter(int failures) {
        return backoff.multipliedBy(1L << Math.min(Math.max(failures, 1) - 1, 10));
    }
}
