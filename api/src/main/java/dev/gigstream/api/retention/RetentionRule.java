package dev.gigstream.api.retention;

import java.time.Duration;
import java.util.function.Function;

/**
 * The retention table: what personal data outside the event store is kept, how long, after what. Each
 * period is a setting ({@link RetentionProperties}); the retention sweep deletes what is past it. The
 * same table, in words, is in docs/personal-data.md.
 */
public enum RetentionRule {

    LOCATION_PINGS("location-pings", "live-location pings, each job's latest ping and each worker's last-ping tracker",
            "after the ping was taken", RetentionProperties::locationPings),
    SHARE_LINKS("share-links", "safety links (the hash of their token, job, worker, times)",
            "after the link expired", RetentionProperties::shareLinks),
    NOTIFICATIONS("notifications", "notifications in users' inboxes, read or not",
            "after the notification was raised", RetentionProperties::notifications),
    DELIVERIES("deliveries", "delivery records of pushes and text messages (channel, provider's message id, status) "
            + "and each day's count of a person's text messages", "after the delivery was recorded (the day)",
            RetentionProperties::deliveries),
    AUDIT_READS("audit-reads", "the audit-read log: who read the audit trail, what, when and why",
            "after the read", RetentionProperties::auditReads),
    REFRESH_TOKENS("refresh-tokens", "refresh tokens (hashes), used, revoked or not",
            "after the token expired", RetentionProperties::refreshTokens);

    private final String setting;
    private final String what;
    private final String after;
    private final Function<RetentionProperties, Duration> period;

    RetentionRule(String setting, String what, String after, Function<RetentionProperties, Duration> period) {
        this.setting = setting;
        this.what = what;
        this.after = after;
        this.period = period;
    }

    /** The setting under {@code gigstream.retention}. */
    public String setting() {
        return setting;
    }

    /** The environment variable setting the period. */
    public String variable() {
        return "GIGSTREAM_RETENTION_" + setting.replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }

    public String what() {
        return what;
    }

    public String after() {
        return after;
    }

    /** The period, checked: a missing or negative one stops the start. */
    public Duration periodIn(RetentionProperties properties) {
        Duration configured = period.apply(properties);
        if (configured == null || configured.isNegative()) {
            throw new IllegalStateException("gigstream.retention." + setting + " (" + variable()
                    + ") must be a period of 0 or more, not " + configured);
        }
        return configured;
    }
}
