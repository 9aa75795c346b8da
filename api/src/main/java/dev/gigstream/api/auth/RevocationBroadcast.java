package dev.gigstream.api.auth;

import dev.gigstream.api.redis.InstanceChannels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;


/**
 * Tells every instance that access tokens were revoked, as an {@link AccessTokensRevoked} application
 * event: this instance at once, the others on the channel {@code <key prefix>access-tokens-revoked}
 * ({@link InstanceChannels}: Redis pub/sub when Redis is configured, else there is only this instance),
 * where each instance turns the message into the same event. Pub/sub reaches only the instances
 * connected at that moment; one that misses a message still refuses the token on its next use (the deny
 * list), and an open session is checked again before every push, so a lost message delays a close but
 * lets nothing through.
 */
final class RevocationBroadcast {

    private static final Logger log = LoggerFactory.getLogger(RevocationBroadcast.class);

    private final ApplicationEventPublisher events;
    private final InstanceChannels instances;
    private final String channel;

    RevocationBroadcast(ApplicationEventPublisher events, InstanceChannels instances, String channel) {
        this.events = events;
        this.instances = instances;
        this.channel = channel;
        instances.listen(channel, this::heard,
                "sessions here whose token another instance revoked close at their next push or when the token expires");
    }

    void announce(AccessTokensRevoked revoked) {
        events.publishEvent(revoked);
        try {
            instances.publish(channel, revoked.toWire());
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
            log.warn("Ignored a malformed revocation message on {}: {}", channel, wire);
        }
    }
}
