package dev.gigstream.push;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One notification for one device. {@code token} is the FCM registration token the app reported;
 * {@code title} and {@code body} are what the device shows (either may be null, not both);
 * {@code data} travels to the app as string pairs (FCM reserves the keys {@code from},
 * {@code notification}, {@code message_type} and those starting {@code google} or {@code gcm}).
 * {@code timeToLive} is how long FCM keeps the message for a device that is offline (zero: deliver
 * now or never; at most FCM's 28 days).
 * {@code urgent} asks for high priority on Android and priority 10 on APNs, which wakes the device;
 * otherwise delivery may wait for the device's next wake-up, sparing its battery.
 */
public record PushMessage(String token, String title, String body, Map<String, String> data, Duration timeToLive,
                          boolean urgent) {

    /** FCM keeps a message at most 28 days. */
    public static final Duration MAX_TIME_TO_LIVE = Duration.ofDays(28);

    private static final Set<String> RESERVED = Set.of("from", "notification", "message_type");

    public PushMessage {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a device's registration token is required");
        }
        if (title == null && body == null) {
            throw new IllegalArgumentException("a notification needs a title or a body");
        }
        data = data == null ? Map.of() : Map.copyOf(data);
        data.keySet().stream().filter(PushMessage::reserved).findFirst().ifPresent(key -> {
            throw new IllegalArgumentException("FCM reserves the data key " + key);
        });
        Objects.requireNonNull(timeToLive, "timeToLive");
        if (timeToLive.isNegative() || timeToLive.compareTo(MAX_TIME_TO_LIVE) > 0) {
            throw new IllegalArgumentException("timeToLive must be between 0 and 28 days: " + timeToLive);
        }
    }

    private static boolean reserved(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return RESERVED.contains(lower) || lower.startsWith("google") || lower.startsWith("gcm");
    }
}
