package dev.gigstream.api.auth;

import dev.gigstream.api.redis.RedisProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
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

/**
 * Tells every instance that access tokens were revoked, as an {@link AccessTokensRevoked} application
 * event: this instance at once, the others through Redis pub/sub on the channel
 * {@code <key prefix>access-tokens-revoked}, where each instance turns the message into the same event.
 * Without Redis there is only this instance. Pub/sub reaches only the instances connected at that
 * moment; one that misses a message still refuses the token on its next use (the deny list), and an
 * open session is checked again before every push, so a lost message delays a close but lets nothing through.
 */
final class RevocationBroadcast implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RevocationBroadcast.class);
    static final Duration RETRY_SUBSCRIBING_AFTER = Duration.ofSeconds(5);

    private final ApplicationEventPublisher events;
    private final StringRedisTemplate redis;
    private final String channel;
    /** Subscribes again while Redis cannot be reached at start-up; once subscribed, the container reconnects itself. */
    private final ScheduledExecutorService retries;
    /** So that an instance does not hear its own announcements twice. */
    private final String instance = UUID.randomUUID().toString();
    private RedisMessageListenerContainer subscription;
    private boolean running;
    private boolean warned;

    /** This instance only. */
    RevocationBroadcast(ApplicationEventPublisher events) {
        this.events = events;
        this.redis = null;
        this.channel = null;
        this.retries = null;
    }

    RevocationBroadcast(ApplicationEventPublisher events, StringRedisTemplate redis, RedisProperties properties) {
        this.events = events;
        this.redis = redis;
        this.channel = properties.key("access-tokens-revoked");
        this.retries = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "revocation-subscription");
            thread.setDaemon(true);
            return thread;
        });
    }

    void announce(AccessTokensRevoked revoked) {
        events.publishEvent(revoked);
        if (redis == null) {
            return;
        }
        try {
            redis.convertAndSend(channel, instance + " " + revoked.toWire());
        } catch (RuntimeException e) {
            log.warn("Could not tell the other instances of a revocation ({}); their open sessions close at their next "
                    + "push or at the token's expiry", e.toString());
        }
    }

    private void heard(String message) {
        int space = message.indexOf(' ');
        if (space < 0 || message.substring(0, space).equals(instance)) {
            return;
        }
        try {
            events.publishEvent(AccessTokensRevoked.fromWire(message.substring(space + 1)));
        } catch (IllegalArgumentException e) {
            log.warn("Ignored a malformed revocation message on {}: {}", channel, message);
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        subscribe();
    }

    /** Redis may be down as the instance starts: the instance starts all the same and subscribes once it can. */
    private synchronized void subscribe() {
        if (!running || redis == null || subscription != null) {
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
                log.info("Subscribed to {}: revocations on other instances close sessions here at once again", channel);
                warned = false;
            }
        } catch (RuntimeException e) {
            destroyQuietly(container);
            if (!warned) {
                log.warn("Cannot subscribe to {} ({}); trying again every {} s. Until then, sessions here whose token "
                        + "another instance revoked close at their next push or when the token expires", channel, e.toString(),
                        RETRY_SUBSCRIBING_AFTER.toSeconds());
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
        if (retries != null) {
            retries.shutdownNow();
        }
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
