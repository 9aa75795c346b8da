package dev.gigstream.api.reach;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How notifications reach people beyond the inbox: the push and SMS providers ({@code inbox}, the embedded
 * default that sends nothing out, or {@code fcm} / {@code termii}), the daily text message caps (per person,
 * and for the platform, per UTC day), and how a send the provider cannot take now is retried.
 */
@ConfigurationProperties("gigstream.reach")
public record ReachProperties(String pushProvider, String smsProvider, int smsDailyCapPerUser, int smsDailyBudget,
                              Duration retryFirst, int maxAttempts, int circuitFailures, Duration circuitPause) {

    public static final String INBOX = "inbox";

    public ReachProperties {
        pushProvider = pushProvider == null || pushProvider.isBlank() ? INBOX : pushProvider.strip().toLowerCase();
        smsProvider = smsProvider == null || smsProvider.isBlank() ? INBOX : smsProvider.strip().toLowerCase();
        smsDailyCapPerUser = smsDailyCapPerUser < 0 ? 5 : smsDailyCapPerUser;
        smsDailyBudget = smsDailyBudget < 0 ? 2_000 : smsDailyBudget;
        retryFirst = retryFirst == null ? Duration.ofSeconds(10) : retryFirst;
        maxAttempts = maxAttempts <= 0 ? 6 : maxAttempts;
        circuitFailures = circuitFailures <= 0 ? 3 : circuitFailures;
        circuitPause = circuitPause == null ? Duration.ofSeconds(30) : circuitPause;
    }
}
