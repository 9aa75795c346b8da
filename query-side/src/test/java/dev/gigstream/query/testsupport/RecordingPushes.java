package dev.gigstream.query.testsupport;

import dev.gigstream.messages.notification.NotificationView;
import dev.gigstream.query.notifications.NotificationSink;

import java.util.ArrayList;
import java.util.List;

/** A notification sink that keeps what the inbox pushed, in order. */
public final class RecordingPushes implements NotificationSink {

    private final List<NotificationView> pushed = new ArrayList<>();

    @Override
    public synchronized void push(NotificationView notification) {
        pushed.add(notification);
    }

    public synchronized List<NotificationView> pushed() {
        return List.copyOf(pushed);
    }
}
