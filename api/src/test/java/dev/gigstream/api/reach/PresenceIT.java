package dev.gigstream.api.reach;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.MovableTime;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.api.testsupport.StompUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;

import static dev.gigstream.api.testsupport.MovableTime.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whether a person has a live WebSocket session: while any of their sessions is open, not once all have
 * ended, and not for the sessions of an instance that stopped extending them (it died). Time is moved,
 * not waited for.
 */
@PostgresIT
@Import(MovableTime.class)
class PresenceIT {

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    Presence presence;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    @Test
    void aPersonIsConnectedWhileAnyOfTheirSessionsIsOpen() throws Exception {
        var worker = api.signUp("WORKER");
        var other = api.signUp("WORKER");
        assertThat(presence.connected(worker.id())).isFalse();

        StompUser phone = StompUser.connect(port, worker.accessToken()).subscribeToNotifications();
        StompUser laptop = StompUser.connect(port, worker.accessToken()).subscribeToNotifications();
        assertThat(presence.connected(worker.id())).isTrue();
        assertThat(presence.connected(other.id())).as("no one else").isFalse();

        phone.close();
        assertThat(presence.connected(worker.id())).as("the laptop's session is open").isTrue();

        laptop.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> !presence.connected(worker.id()));
    }

    @Test
    void theSessionsOfAnInstanceThatStoppedExtendingThemLapseAndThisInstancesLast() throws Exception {
        var stranded = api.signUp("WORKER");
        var live = api.signUp("WORKER");
        jdbc.sql("INSERT INTO websocket_presence (session_id, user_id, instance_id, seen_until) VALUES (:session, :user, 'dead-one', :until)")
                .param("session", UUID.randomUUID().toString()).param("user", stranded.id())
                .param("until", CLOCK.instant().plus(Presence.LASTS).atOffset(ZoneOffset.UTC)).update();
        try (StompUser session = StompUser.connect(port, live.accessToken()).subscribeToNotifications()) {
            assertThat(presence.connected(stranded.id())).isTrue();

            CLOCK.moveBy(Presence.LASTS.plusSeconds(1));
            assertThat(presence.connected(stranded.id())).as("its instance did not extend it").isFalse();

            presence.refresh();
            assertThat(presence.connected(live.id())).as("this instance extends its own sessions").isTrue();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM websocket_presence WHERE instance_id = 'dead-one'")
                    .query(Long.class).single()).as("the lapsed rows deleted").isZero();
            assertThat(session.connected()).isTrue();
        }
    }
}
