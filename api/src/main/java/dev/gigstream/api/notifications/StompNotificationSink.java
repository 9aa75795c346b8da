package dev.gigstream.api.notifications;

import dev.gigstream.messages.notification.NotificationView;
import org.springframework.messaging.simp.SimpMessagingTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Delivers a notification to the recipient's sessions on this instance, in the API's shape:
 * {@code {id, type, jobId, at, ...details}}; a {@code job.match} carries {@code expiresIn} seconds.
 * The other instances' sessions are reached through {@link NotificationBroadcast}.
 */
class StompNotificationSink {

    private final SimpMessagingTemplate broker;
    private final Clock clock;

    StompNotificationSink(SimpMessagingTemplate broker, Clock clock) {
        this.broker = broker;
        this.clock = clock;
    }

    void deliver(NotificationView notification) {
        broker.convertAndSendToUser(notification.userId(), "/queue/notifications", body(notification, clock.instant()));
    }

    static Map<String, Object> body(NotificationView notification, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", notification.id());
        body.put("type", notification.type());
        if (notification.jobId() != null) {
            body.put("jobId", notification.jobId());
        }
        body.put("at", notification.at().toString());
        body.putAll(notification.details());
        String expiresAt = notification.details().get("expiresAt");
        if (expiresAt != null) {
            body.put("expiresIn", Math.max(0, Duration.between(now, Instant.parse(expiresAt)).toSeconds()));
        }
        return body;
    }
}
