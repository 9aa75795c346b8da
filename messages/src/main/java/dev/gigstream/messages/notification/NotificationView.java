package dev.gigstream.messages.notification;

import java.time.Instant;
import java.util.Map;

public record NotificationView(String id, String userId, String type, String jobId, Instant at, boolean read,
                               Map<String, String> details) {
}
