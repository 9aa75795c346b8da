package dev.gigstream.api.redis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Listens to one Redis pub/sub channel for as long as the application runs, and sends to it: what this
 * instance sends is tagged with the instance, so that its listener hears the other instances only. Redis may be down as the
 * instance starts: the instance starts all the same and subscribes once it can, trying again every
 * {@link #RETRY_SUBSCRIBING_AFTER}; once subscribed, the listener container reconnects itself.
 * Pub/sub reaches only the instances subscribed at that moment: what is sent meanwhile is lost to them.
 */
public final class RedisSubscription implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisSubscription.class);
    static final Duration RETRY_SUBSCRIBING_AFTER = Duration.ofSeconds(5);

    private final StringRedisTemplate redis;
    private final String channel;
    private final Consumer<String> listener;
    /** What an instance misses while it is not subscribed, said once in the log. */
    private final String whileMissing;
    private final ScheduledExecutorService retries;
    /** Tags what this instance sends, so that it does not hear its own messages. */
    private final String instance = UUID.randomUUID().toString();
    private RedisMessageListenerContainer subscription;
    private boolean running;
    private boolean warned;

    public RedisSubscription(StringRedisTemplate redis, String channel, Consumer<String> listener, String whileMissing) {
        this.redis = redis;
        this.channel = channel;
        this.listener = listener;
        this.whileMissing = whileMissing;
        this.retries = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "subscription-" + channel);
            thread.setDaemon(true);
            return thread;
        });
    }

    public String channel() {
        return channel;
    }

    /** Sends {@code message} to the other instances' listeners; fails as Redis fails. */
    public void publish(String message) {
        redis.convertAndSend(channel, instance + " " + message);
    }

    /** A message as it arrives on the channel: handed to the listener unless this instance sent it. */
    public void heard(String tagged) {
        int space = tagged.indexOf(' ');
        if (space < 0 || tagged.substring(0, space).equals(instance)) {
            return;
        }
        listener.accept(tagged.substring(space + 1));
    }

    @Override
    public synchronized void start() {
        running = true;
        subscribe();
    }

    private synchronized void subscribe() {
        if (!running || subscription != null) {
            return;
        }
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis.getRequiredConnectionFactory());
        container.addMessageListener((message, pattern) -> heard(new String(message.getBody(), StandardCharsets.UTF_8)),
                new ChannelTopic(channel));
        container.afterPropertiesSet();
        try {
            container.start();
            subscription = container;
            if (warned) {
                log.info("Subscribed to {} again", channel);
                warned = false;
            }
        } catch (RuntimeException e) {
            destroyQuietly(container);
            if (!warned) {
                log.warn("Cannot subscribe to {} ({}); trying again every {} s. Until then, {}", channel, e.toString(),
                        RETRY_SUBSCRIBING_AFTER.toSeconds(), whileMissing);
                warned = true;
            }
            retries.schedule(this::subscribe, RETRY_SUBSCRIBING_AFTER.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (subscription != null) {
            subscription.stop();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    @Override
    public synchronized void destroy() {
        running = false;
        retries.shutdownNow();
        if (subscription != null) {
            destroyQuietly(subscription);
            subscription = null;
        }
    }

    private static void destroyQuietly(RedisMessageListenerContainer container) {
        try {
            container.destroy();
        } catch (Exception e) {
            log.debug("Could not release the Redis subscription", e);
        }
    }
}
