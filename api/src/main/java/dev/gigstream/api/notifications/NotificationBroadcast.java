package dev.gigstream.api.notifications;

import dev.gigstream.messages.notification.NotificationView;
import dev.gigstream.api.redis.InstanceChannels;
import dev.gigstream.api.redis.RedisCircuit;
import dev.gigstream.query.notifications.NotificationSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.function.Consumer;

/**
 * Pushes what the inbox stored to the recipient's sessions on every instance: this instance's at once,
 * the others' on the channel {@code <key prefix>notifications} ({@link InstanceChannels}, Redis pub/sub),
 * where each instance delivers the message to its own sessions. The inbox runs on one instance of those
 * that share its read models, so without Redis (or while it does not answer) a notification reaches only
 * the sessions of the instance that stored it; it waits in every user's inbox all the same. The inbox
 * pushes on its processor's thread, so while Redis does not answer the {@link RedisCircuit} keeps
 * the inbox from waiting on it for every notification.
 */
final class NotificationBroadcast implements NotificationSink {

    private static final Logger log = LoggerFactory.getLogger(NotificationBroadcast.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Consumer<NotificationView> sessionsHere;
    private final InstanceChannels instances;
    private final String channel;
    private final RedisCircuit circuit;

    /**
     * @param instances the other instances, or {@link InstanceChannels#thisInstanceOnly()} when every instance
     *                  runs the inbox itself (its own read models) or there is one
     */
    NotificationBroadcast(Consumer<NotificationView> sessionsHere, InstanceChannels instances, String channel,
                          RedisCircuit circuit) {
        this.sessionsHere = sessionsHere;
        this.instances = instances;
        this.channel = channel;
        this.circuit = circuit;
        instances.listen(channel, this::deliver,
                "notifications stored on other instances reach this instance's sessions only through the inbox");
    }

    /** The other instances hear of the notification even when this instance's broker refuses it. */
    @Override
    public void push(NotificationView notification) {
        try {
            sessionsHere.accept(notification);
        } finally {
            passOn(notification);
        }
    }

    private void passOn(NotificationView notification) {
        if (!circuit.allowsCall()) {
            return;
        }
        try {
            instances.publish(channel, JSON.writeValueAsString(notification));
            circuit.succeeded();
        } catch (RuntimeException e) {
            circuit.failed(e);
        }
    }

    /** A notification another instance stored: delivered to this instance's sessions. */
    private void deliver(String json) {
        try {
            sessionsHere.accept(JSON.readValue(json, NotificationView.class));
        } catch (JacksonException e) {
            log.warn("Ignored a malformed notification on {}: {}", channel, json);
        }
    }
}
