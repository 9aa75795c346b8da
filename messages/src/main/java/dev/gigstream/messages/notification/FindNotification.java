package dev.gigstream.messages.notification;

/** One notification, if it is in this user's inbox. */
public record FindNotification(String userId, String notificationId) {
}
