package dev.gigstream.messages.notification;

/** The user read the notification. */
public record NotificationRead(String userId, String notificationId) {
}
