package dev.gigstream.query.notifications;

import dev.gigstream.messages.notification.NotificationRaised;
import dev.gigstream.query.common.PerInstance;
import dev.gigstream.query.common.SharedProcessor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pushes every stored notification to the recipient's live sessions on this instance. Each instance
 * reads the shared event stream from the moment it starts, so a notification caused anywhere reaches
 * a user connected anywhere, and history is never pushed again. A failed push is only logged: the
 * notification waits in the inbox.
 */
@Component
@PerInstance(replay = false)
@SharedProcessor(SharedProcessor.PUSHERS)
@ProcessingGroup(NotificationPusher.NAME)
public class NotificationPusher {

    public static final String NAME = "notification-push";
    private static final Logger log = LoggerFactory.getLogger(NotificationPusher.class);

    private final NotificationSink sink;

    public NotificationPusher(NotificationSink sink) {
        this.sink = sink;
    }

    @EventHandler
    void on(NotificationRaised notification) {
        try {
            sink.push(notification);
        } catch (RuntimeException e) {
            log.warn("Could not push notification {} to {}: {}", notification.notificationId(), notification.userId(),
                    e.getMessage());
        }
    }
}
