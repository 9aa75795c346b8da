package dev.gigstream.api.auth;

import dev.gigstream.api.redis.RedisProperties;
import dev.gigstream.api.redis.RedisSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;


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

    private final ApplicationEventPublisher events;
    /** Null without Redis: then there is only this instance. */
    private final RedisSubscription subscription;

    /** This instance only. */
    RevocationBroadcast(ApplicationEventPublisher events) {
        this.events = events;
        this.subscription = null;
    }

    RevocationBroadcast(ApplicationEventPublisher events, StringRedisTemplate redis, RedisProperties properties) {
        this.events = events;
        this.subscription = new RedisSubscription(redis, properties.key("access-tokens-revoked"), this::heard,
                "sessions here whose token another instance revoked close at their next push or when the token expires");
    }

    void announce(AccessTokensRevoked revoked) {
        events.publishEvent(revoked);
        if (subscription == null) {
            return;
        }
        try {
            subscription.publish(revoked.toWire());
        } catch (RuntimeException e) {
            log.warn("Could not tell the other instances of a revocation ({}); their open sessions close at their next "
                    + "push or at the token's expiry", e.toString());
        }
    }

    /** A revocation another instance announced. */
    private void heard(String wire) {
        try {
            events.publishEvent(AccessTokensRevoked.fromWire(wire));
        } catch (IllegalArgumentException e) {
            log.warn("Ignored a malformed revocation message on {}: {}", subscription.channel(), wire);
        }
    }

    @Override
    public void start() {
        if (subscription != null) {
            subscription.start();
        }
    }

    @Override
    public void stop() {
        if (subscription != null) {
            subscription.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return subscription == null || subscription.isRunning();
    }

    @Override
    public void destroy() {
        if (subscription != null) {
            subscription.destroy();
        }
    }
}
