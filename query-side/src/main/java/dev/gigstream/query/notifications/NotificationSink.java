package dev.gigstream.query.notifications;

import dev.gigstream.messages.notification.NotificationRaised;

/** Where this instance delivers notifications to the users connected to it (a WebSocket broker). */
public interface NotificationSink {

    void push(NotificationRaised notification);
}
