package dev.gigstream.api.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Whether instances spread the shared processors' segments over themselves ({@code balance}), and how
 * often each compares what it holds with its fair share ({@code balanceEvery}). See {@link SegmentBalancer}.
 */
@ConfigurationProperties("gigstream.processing")
public record SegmentBalancing(@DefaultValue("true") boolean balance, @DefaultValue("5s") Duration balanceEvery) {

    public SegmentBalancing {
        if (balanceEvery.isNegative() || balanceEvery.isZero()) {
            throw new IllegalArgumentException("gigstream.processing.balance-every must be positive");
        }
    }
}
