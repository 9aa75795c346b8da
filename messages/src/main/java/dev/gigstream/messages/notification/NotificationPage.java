package dev.gigstream.messages.notification;

import java.util.List;

/** A user's notifications, newest first; a wrapper, so the element type survives a distributed query bus. */
public record NotificationPage(List<NotificationView> items) {
}
