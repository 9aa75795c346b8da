package dev.gigstream.messages.notification;

import java.time.Instant;
import java.util.Map;

/**
 * A notification stored in a user's inbox, published so that every instance can push it to the
 * user's live sessions. {@code notificationId} is stable for the event and recipient that caused it.
 */
public record NotificationRaised(String notificationId, String userId, String type, String jobId, Instant at,
                                 Map<String, String> details) {
}
