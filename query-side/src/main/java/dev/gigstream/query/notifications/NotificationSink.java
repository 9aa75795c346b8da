package dev.gigstream.query.notifications;

import dev.gigstream.messages.notification.NotificationView;

/**
 * Where the inbox hands each notification it has just stored, to be pushed to the recipient's live
 * sessions wherever they are connected (the WebSocket sessions of every instance). Called on the
 * inbox's processor thread, so it hands over and returns; a push that cannot be made is no failure
 * of the inbox, the notification waits there.
 */
public interface NotificationSink {

    void push(NotificationView notification);
}
