package dev.gigstream.api.reach;

import dev.gigstream.api.storage.SegmentClaims;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Whether a person has a live STOMP session on any instance, from the {@code websocket_presence} table:
 * a row per session, inserted when an authenticated session connects and deleted when it ends. Each
 * instance (named as in the event processors' claims) extends its own rows every {@link #REFRESH} for
 * {@link #LASTS}, so the sessions of an instance that died stop counting within that and are then deleted
 * by the others. Connecting and disconnecting cost one statement each; nothing is read per push.
 */
@Component
public class Presence {

    static final Duration REFRESH = Duration.ofSeconds(15);
    static final Duration LASTS = Duration.ofSeconds(45);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String instanceId;

    @Autowired
    Presence(JdbcClient jdbc, Clock clock, SegmentClaims claims) {
        this(jdbc, clock, claims.nodeId());
    }

    /** The presence kept by the instance named {@code instanceId}. */
    public Presence(JdbcClient jdbc, Clock clock, String instanceId) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.instanceId = instanceId;
    }

    /** Whether the person has a session open on some instance that is still alive. */
    public boolean connected(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM websocket_presence WHERE user_id = :user AND seen_until > :now")
                .param("user", userId).param("now", now()).query(Long.class).single() > 0;
    }

    /** An authenticated session opened on this instance. */
    public void opened(String sessionId, String userId) {
        jdbc.sql("INSERT INTO websocket_presence (session_id, user_id, instance_id, seen_until) VALUES (:session, :user, :instance, :until) "
                        + "ON CONFLICT DO NOTHING")
                .param("session", sessionId).param("user", userId).param("instance", instanceId)
                .param("until", now().plus(LASTS)).update();
    }

    /** A session ended (or was never authenticated: nothing to delete then). */
    public void closed(String sessionId) {
        jdbc.sql("DELETE FROM websocket_presence WHERE session_id = :session").param("session", sessionId).update();
    }

    /** Deletes every session row of the person (an erasure; the erasure ends the sessions themselves). */
    public void forgetAllOf(String userId) {
        jdbc.sql("DELETE FROM websocket_presence WHERE user_id = :user").param("user", userId).update();
    }

    /** Extends this instance's sessions and deletes those that lapsed (an instance that died). */
    @Scheduled(fixedDelay = 15_000)
    void refresh() {
        OffsetDateTime now = now();
        jdbc.sql("UPDATE websocket_presence SET seen_until = :until WHERE instance_id = :instance")
                .param("until", now.plus(LASTS)).param("instance", instanceId).update();
        jdbc.sql("DELETE FROM websocket_presence WHERE seen_until <= :now").param("now", now).update();
    }

    /** An instance restarted under a configured name: the sessions of its earlier run are gone. */
    @PostConstruct
    void forgetEarlierRun() {
        leave();
    }

    /** Stopping in order: this instance's sessions end with it. */
    @PreDestroy
    void leave() {
        jdbc.sql("DELETE FROM websocket_presence WHERE instance_id = :instance").param("instance", instanceId).update();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
