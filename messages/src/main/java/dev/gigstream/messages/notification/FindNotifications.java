package dev.gigstream.messages.notification;

public record FindNotifications(String userId, boolean unreadOnly, int limit) {
}
