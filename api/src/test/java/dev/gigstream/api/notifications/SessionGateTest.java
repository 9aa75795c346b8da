package dev.gigstream.api.notifications;

import dev.gigstream.api.auth.AccessTokensRevoked;
import dev.gigstream.api.reach.Presence;
import dev.gigstream.api.testsupport.MigratedDatabases;
import dev.gigstream.api.testsupport.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What reaches an open session: nothing once its token is revoked or expired, even before the close arrives. */
class SessionGateTest {

    private final MovableClock clock = new MovableClock();
    private final List<Message<?>> toClients = new ArrayList<>();
    private final MessageChannel channel = (message, timeout) -> toClients.add(message);
    /** What the decoder says of each token now: the token as it reads today, or a refusal. */
    private final Map<String, RuntimeException> refusals = new HashMap<>();
    private final Map<String, String> currentRoles = new HashMap<>();
    private final JwtDecoder decoder = value -> {
        if (refusals.containsKey(value)) {
            throw refusals.get(value);
        }
        return token(value, "worker-1", currentRoles.getOrDefault(value, "WORKER"), "family-1");
    };
    private final OpenSessions sessions = new OpenSessions(channel, decoder, clock,
            new Presence(JdbcClient.create(MigratedDatabases.h2()), clock, "instance-1"));
    private final SessionGate gate = new SessionGate(sessions);

    private Jwt token(String value, String subject, String role, String familyId) {
        Instant issued = clock.instant();
        return Jwt.withTokenValue(value).header("alg", "HS256").subject(subject).jti(value).claim("role", role)
                .claim("sid", familyId).issuedAt(issued).expiresAt(issued.plus(Duration.ofMinutes(15))).build();
    }

    private static Message<byte[]> push(String sessionId, String destination) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setSessionId(sessionId);
        headers.setDestination(destination);
        return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
    }

    private Message<?> delivered(String sessionId, String destination) {
        return gate.beforeHandle(push(sessionId, destination), channel, message -> { });
    }

    private List<String> errorsSent() {
        return toClients.stream().map(message -> StompHeaderAccessor.wrap(message))
                .filter(stomp -> stomp.getCommand() == StompCommand.ERROR)
                .map(stomp -> stomp.getSessionId() + " " + stomp.getMessage()).toList();
    }

    @Test
    void aSessionWithAnAcceptedTokenReceivesItsPushes() {
        sessions.authenticated("s1", token("t1", "worker-1", "WORKER", "family-1"));

        assertThat(delivered("s1", "/queue/notifications-users1")).isNotNull();
        assertThat(errorsSent()).isEmpty();
    }

    @Test
    void aPushToASessionWhoseTokenWasRevokedElsewhereIsDroppedAndTheSessionClosed() {
        sessions.authenticated("s1", token("t1", "worker-1", "WORKER", "family-1"));
        refusals.put("t1", new AccessTokensRevoked(AccessTokensRevoked.Scope.ACCOUNT, "worker-1", clock.instant()).refusal());

        assertThat(delivered("s1", "/queue/notifications-users1")).isNull();
        assertThat(errorsSent()).singleElement().asString().startsWith("s1 ACCOUNT_SUSPENDED:");
        assertThat(delivered("s1", "/queue/notifications-users1")).as("nor anything after the close").isNull();
    }

    @Test
    void aPushToASessionWhoseTokenNoLongerDecodesIsDropped() {
        sessions.authenticated("s1", token("t1", "worker-1", "WORKER", "family-1"));
        refusals.put("t1", new BadJwtException("expired by the decoder's clock"));

        assertThat(delivered("s1", "/queue/notifications-users1")).isNull();
        assertThat(errorsSent()).singleElement().asString().startsWith("s1 UNAUTHENTICATED:");
    }

    @Test
    void aPushAfterTheTokensExpiryIsDroppedAndTheSessionClosed() {
        sessions.authenticated("s1", token("t1", "worker-1", "WORKER", "family-1"));
        clock.moveBy(Duration.ofMinutes(15));

        assertThat(delivered("s1", "/queue/notifications-users1")).isNull();
        assertThat(errorsSent()).singleElement().asString().startsWith("s1 TOKEN_EXPIRED:");
    }

    @Test
    void aPushToASessionThisInstanceDoesNotKnowIsDropped() {
        assertThat(delivered("unknown", "/queue/notifications-userunknown")).isNull();
    }

    @Test
    void theAdminsTopicReachesOnlyAnAccountThatIsStillAnAdmin() {
        sessions.authenticated("s1", token("t1", "admin-1", "ADMIN", "family-1"));
        currentRoles.put("t1", "ADMIN");
        assertThat(delivered("s1", WebSocketConfiguration.ADMIN_STATS)).isNotNull();

        currentRoles.put("t1", "WORKER");

        assertThat(delivered("s1", WebSocketConfiguration.ADMIN_STATS)).isNull();
    }

    @Test
    void aRevocationClosesTheSessionsItCoversAndNoOthers() {
        sessions.authenticated("s1", token("t1", "worker-1", "WORKER", "family-1"));
        sessions.authenticated("s2", token("t2", "worker-1", "WORKER", "family-2"));
        sessions.authenticated("s3", token("t3", "worker-2", "WORKER", "family-3"));

        sessions.on(new AccessTokensRevoked(AccessTokensRevoked.Scope.LOGIN, "family-1", null));

        assertThat(errorsSent()).containsExactly("s1 TOKEN_REVOKED: " + new AccessTokensRevoked(
                AccessTokensRevoked.Scope.LOGIN, "family-1", null).refusal().getMessage());
        assertThat(delivered("s1", "/queue/notifications-users1")).isNull();
        assertThat(delivered("s2", "/queue/notifications-users2")).isNotNull();
        assertThat(delivered("s3", "/queue/notifications-users3")).isNotNull();
    }

    @Test
    void theExpirySweepClosesOnlyExpiredSessions() {
        sessions.authenticated("s1", token("t1", "worker-1", "WORKER", "family-1"));
        clock.moveBy(Duration.ofMinutes(10));
        sessions.authenticated("s2", token("t2", "worker-1", "WORKER", "family-1")); // renewed later
        clock.moveBy(Duration.ofMinutes(5));

        sessions.closeExpired();

        assertThat(errorsSent()).singleElement().asString().startsWith("s1 TOKEN_EXPIRED:");
    }
}
