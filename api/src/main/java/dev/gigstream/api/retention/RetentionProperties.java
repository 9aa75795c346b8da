package dev.gigstream.api.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long personal data outside the event store is kept ({@code gigstream.retention.*}, one period per
 * {@link RetentionRule}, defaults in {@code application.yml}), how often the retention sweep runs, and how
 * many documents or rows one delete removes at most.
 */
@ConfigurationProperties("gigstream.retention")
public record RetentionProperties(Duration locationPings, Duration shareLinks, Duration notifications, Duration deliveries,
                                  Duration auditReads, Duration refreshTokens, Duration sweepEvery, int batchSize) {

    public RetentionProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("gigstream.retention.batch-size must be at least 1, not " + batchSize);
        }
    }
}
