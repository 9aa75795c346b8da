package dev.gigstream.api.redis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The instance's one Redis pub/sub subscription, to every channel a feature listens on, for as long as
 * the application runs. What this instance publishes is tagged with the instance, so that its listeners
 * hear the other instances only. Redis may be down as the instance starts: the instance starts all the
 * same and subscribes once it can, trying again every {@link #RETRY_SUBSCRIBING_AFTER}; once subscribed,
 * the listener container reconnects itself. Pub/sub reaches only the instances subscribed at that
 * moment: what is sent meanwhile is lost to them.
 */
public final class RedisSubscription implements InstanceChannels, SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisSubscription.class);
    static final Duration RETRY_SUBSCRIBING_AFTER = Duration.ofSeconds(5);

    private final StringRedisTemplate redis;
    private final Map<String, Consumer<String>> listeners = new ConcurrentHashMap<>();
    /** What an instance misses while it is not subscribed, by channel, said once in the log. */
    private final Map<String, String> whileMissing = new ConcurrentHashMap<>();
    private final ScheduledExecutorService retries;
    /** Tags what this instance sends, so that it does not hear its own messages. */
    private final String instance = UUID.randomUUID().toString();
    private RedisMessageListenerContainer subscription;
    private boolean running;
    private boolean warned;

    public RedisSubscription(StringRedisTemplate redis) {
        this.redis = redis;
        this.retries = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "redis-subscription");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public synchronized void listen(String channel, Consumer<String> listener, String whileMissing) {
        if (listeners.putIfAbsent(channel, listener) != null) {
            throw new IllegalStateException("The channel " + channel + " has a listener already");
        }
        this.whileMissing.put(channel, whileMissing);
        if (subscription != null) {
            subscription.addMessageListener(this::onMessage, new ChannelTopic(channel));
        }
    }

    @Override
    public void publish(String channel, String message) {
        redis.convertAndSend(channel, instance + " " + message);
    }

    /** A message as it arrives on a channel: handed to the channel's listener unless this instance sent it. */
    public void heard(String channel, String tagged) {
        int space = tagged.indexOf(' ');
        Consumer<String> listener = listeners.get(channel);
        if (listener == null || space < 0 || tagged.substring(0, space).equals(instance)) {
            return;
        }
        listener.accept(tagged.substring(space + 1));
    }

    private void onMessage(Message message, byte[] pattern) {
        heard(new String(message.getChannel(), StandardCharsets.UTF_8), new String(message.getBody(), StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void start() {
        running = true;
        if (subscription != null) {
            subscription.start();
        } else {
            subscribe();
        }
    }

    private synchronized void subscribe() {
        if (!running || subscription != null) {
            return;
        }
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis.getRequiredConnectionFactory());
        listeners.keySet().forEach(channel -> container.addMessageListener(this::onMessage, new ChannelTopic(channel)));
        container.afterPropertiesSet();
        try {
            container.start();
            subscription = container;
            if (warned) {
                log.info("Subscribed to {} again", listeners.keySet());
                warned = false;
            }
        } catch (RuntimeException e) {
            destroyQuietly(container);
            if (!warned) {
                log.warn("Cannot subscribe to {} ({}); trying again every {} s. Until then, {}", listeners.keySet(),
                        e.toString(), RETRY_SUBSCRIBING_AFTER.toSeconds(), String.join("; ", whileMissing.values()));
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
