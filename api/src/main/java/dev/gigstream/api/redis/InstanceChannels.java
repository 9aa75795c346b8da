package dev.gigstream.api.redis;

import java.util.function.Consumer;

/**
 * The other instances of the app, reached on named channels: what this instance publishes on a channel
 * reaches the listeners of that channel on the other instances, never its own. Through Redis pub/sub
 * when Redis is configured ({@link RedisSubscription}); else there is only this instance, and
 * {@link #thisInstanceOnly()} publishes to nobody.
 */
public interface InstanceChannels {

    /**
     * Hands what the other instances publish on {@code channel} to {@code listener}, for as long as the
     * application runs.
     *
     * @param whileMissing what this instance misses while it cannot listen, for the log
     */
    void listen(String channel, Consumer<String> listener, String whileMissing);

    /** Sends {@code message} to the other instances' listeners of {@code channel}; fails as the transport fails. */
    void publish(String channel, String message);

    /** No other instance: nothing is heard and what is published reaches nobody. */
    static InstanceChannels thisInstanceOnly() {
        return ThisInstanceOnly.INSTANCE;
    }

    enum ThisInstanceOnly implements InstanceChannels {
        INSTANCE;

        @Override
        public void listen(String channel, Consumer<String> listener, String whileMissing) {
            // no other instance publishes
        }

        @Override
        public void publish(String channel, String message) {
            // no other instance listens
        }
    }
}
