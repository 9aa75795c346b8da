package dev.gigstream.messages.notification;

import dev.gigstream.messages.common.NotPersonal;

/** The user read the notification. */
public record NotificationRead(@NotPersonal String userId, @NotPersonal String notificationId) {
}
