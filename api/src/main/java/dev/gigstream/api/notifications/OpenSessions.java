package dev.gigstream.api.notifications;

import dev.gigstream.api.auth.AccessTokensRevoked;
import dev.gigstream.api.auth.RevokedAccessTokenException;
import dev.gigstream.api.reach.Presence;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The STOMP sessions open on this instance, each with the access token it was opened (or last renewed)
 * with. A session lives no longer than that token: it is closed as soon as the token is revoked (an
 * {@link AccessTokensRevoked} event, announced on every instance: a logout, an ended login, a
 * suspension) or expires by this application's clock, unless the client sent a fresh token on it first
 * ({@value WebSocketConfiguration#RENEW_TOKEN}). And before each push the token is checked again as a
 * REST request would be, so a session whose close has not arrived yet receives nothing.
 * <p>
 * Closing sends an ERROR frame whose message starts with the code ({@code ACCOUNT_SUSPENDED: ...},
 * {@code TOKEN_REVOKED: ...}, {@code TOKEN_EXPIRED: ...}); Spring closes the WebSocket after an ERROR frame.
 */
@Component
class OpenSessions {

    static final String TOKEN_EXPIRED = "TOKEN_EXPIRED";
    static final String UNAUTHENTICATED = "UNAUTHENTICATED";

    private final Map<String, Jwt> tokens = new ConcurrentHashMap<>();
    private final MessageChannel toClients;
    private final JwtDecoder jwtDecoder;
    private final Clock clock;
    private final Presence presence;

    OpenSessions(@Qualifier("clientOutboundChannel") @Lazy MessageChannel toClients, JwtDecoder jwtDecoder, Clock clock,
                 Presence presence) {
        this.toClients = toClients;
        this.jwtDecoder = jwtDecoder;
        this.clock = clock;
        this.presence = presence;
    }

    /**
     * A CONNECT accepted with {@code token}, or a fresh token of the same user sent on the session; the first
     * makes the user present ({@link Presence}).
     */
    void authenticated(String sessionId, Jwt token) {
        if (tokens.put(sessionId, token) == null) {
            presence.opened(sessionId, token.getSubject());
        }
    }

    Optional<Jwt> tokenOf(String sessionId) {
        return Optional.ofNullable(tokens.get(sessionId));
    }

    @EventListener
    void on(SessionDisconnectEvent event) {
        tokens.remove(event.getSessionId());
        presence.closed(event.getSessionId());
    }

    @EventListener
    void on(AccessTokensRevoked revoked) {
        RevokedAccessTokenException refusal = revoked.refusal();
        tokens.forEach((sessionId, token) -> {
            if (revoked.covers(token)) {
                close(sessionId, refusal.code(), refusal.getMessage());
            }
        });
    }

    @Scheduled(fixedDelay = 1_000)
    void closeExpired() {
        tokens.forEach((sessionId, token) -> {
            if (expired(token)) {
                closeAsExpired(sessionId);
            }
        });
    }

    /**
     * Whether a push may go to the session now: its token unexpired and still accepted (not revoked, the
     * account not suspended), and, for the admins' topic, the account still an admin. A session that fails
     * is closed.
     */
    boolean mayReceive(String sessionId, String destination) {
        Jwt token = tokens.get(sessionId);
        if (token == null) {
            return false;
        }
        if (expired(token)) {
            closeAsExpired(sessionId);
            return false;
        }
        try {
            Jwt current = jwtDecoder.decode(token.getTokenValue());
            return !WebSocketConfiguration.ADMIN_STATS.equals(destination) || StompAuthentication.isAdmin(current);
        } catch (RevokedAccessTokenException e) {
            close(sessionId, e.code(), e.getMessage());
        } catch (JwtException e) {
            close(sessionId, UNAUTHENTICATED, "The access token is no longer valid; connect again with a fresh one");
        }
        return false;
    }

    /** Answers a frame that asked for a receipt. */
    void acknowledge(String sessionId, String receiptId) {
        StompHeaderAccessor receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
        receipt.setReceiptId(receiptId);
        receipt.setSessionId(sessionId);
        toClients.send(MessageBuilder.createMessage(new byte[0], receipt.getMessageHeaders()));
    }

    private boolean expired(Jwt token) {
        return token.getExpiresAt() == null || !clock.instant().isBefore(token.getExpiresAt());
    }

    private void closeAsExpired(String sessionId) {
        close(sessionId, TOKEN_EXPIRED, "The access token expired; connect again, or send a fresh one to "
                + WebSocketConfiguration.RENEW_TOKEN + " before it expires");
    }

    private void close(String sessionId, String code, String message) {
        if (tokens.remove(sessionId) == null) {
            return; // closed already
        }
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setMessage(code + ": " + message);
        error.setSessionId(sessionId);
        toClients.send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
    }
}
