package dev.gigstream.api.notifications;

import dev.gigstream.api.auth.RevokedAccessTokenException;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;

/**
 * Who may talk STOMP: a CONNECT must carry {@code Authorization: Bearer <access token>} (the same JWT
 * as the REST API) or the connection is refused with an ERROR frame whose message starts with the
 * problem code ({@code UNAUTHENTICATED:}, {@code TOKEN_REVOKED:}, {@code ACCOUNT_SUSPENDED:}); a user
 * may subscribe only to their own {@code /user/queue/notifications}, and an admin also to
 * {@code /topic/admin/stats}. The one frame a client sends is a fresh access token of the same user to
 * {@value WebSocketConfiguration#RENEW_TOKEN}, which keeps the session open past the first token's
 * expiry (see {@link OpenSessions}); a refused one closes the session.
 */
class StompAuthentication implements ChannelInterceptor {

    static final String TOKEN_MISMATCH = "TOKEN_MISMATCH";

    private final JwtDecoder jwtDecoder;
    private final OpenSessions sessions;

    StompAuthentication(JwtDecoder jwtDecoder, OpenSessions sessions) {
        this.jwtDecoder = jwtDecoder;
        this.sessions = sessions;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message;
        }
        switch (stomp.getCommand()) {
            case CONNECT -> {
                Jwt token = authenticate(stomp.getFirstNativeHeader("Authorization"));
                stomp.setUser(new JwtAuthenticationToken(token, List.of(), token.getSubject()));
                sessions.authenticated(stomp.getSessionId(), token);
            }
            case SUBSCRIBE -> {
                Jwt token = sessions.tokenOf(stomp.getSessionId()).orElse(null);
                if (token == null || !maySubscribe(token, stomp.getDestination())) {
                    throw new MessageDeliveryException("Only " + WebSocketConfiguration.NOTIFICATIONS
                            + " (and " + WebSocketConfiguration.ADMIN_STATS + " for admins) may be subscribed to");
                }
            }
            case SEND -> {
                if (!WebSocketConfiguration.RENEW_TOKEN.equals(stomp.getDestination())) {
                    throw new MessageDeliveryException("Clients send nothing but a fresh access token to "
                            + WebSocketConfiguration.RENEW_TOKEN);
                }
                renew(stomp);
                return null; // handled here: nothing for the broker
            }
            default -> {
                // DISCONNECT, UNSUBSCRIBE, heartbeats: fine
            }
        }
        return message;
    }

    static boolean isAdmin(Jwt token) {
        return "ADMIN".equals(token.getClaimAsString("role"));
    }

    private static boolean maySubscribe(Jwt token, String destination) {
        if (WebSocketConfiguration.ADMIN_STATS.equals(destination)) {
            return isAdmin(token);
        }
        return WebSocketConfiguration.NOTIFICATIONS.equals(destination);
    }

    private void renew(StompHeaderAccessor stomp) {
        Jwt current = sessions.tokenOf(stomp.getSessionId())
                .orElseThrow(() -> new MessageDeliveryException("The session is closed"));
        Jwt fresh = authenticate(stomp.getFirstNativeHeader("Authorization"));
        if (!fresh.getSubject().equals(current.getSubject())) {
            throw new MessageDeliveryException(TOKEN_MISMATCH + ": The token is another user's; connect again instead");
        }
        sessions.authenticated(stomp.getSessionId(), fresh);
        if (stomp.getReceipt() != null) {
            sessions.acknowledge(stomp.getSessionId(), stomp.getReceipt());
        }
    }

    /** The token's claims as the REST API reads them: the account's current role, revocations checked. */
    private Jwt authenticate(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new MessageDeliveryException(OpenSessions.UNAUTHENTICATED
                    + ": The frame needs Authorization: Bearer <access token>");
        }
        try {
            return jwtDecoder.decode(authorization.substring("Bearer ".length()).strip());
        } catch (RevokedAccessTokenException e) {
            throw new MessageDeliveryException(e.code() + ": " + e.getMessage());
        } catch (JwtException e) {
            throw new MessageDeliveryException(OpenSessions.UNAUTHENTICATED + ": The access token is invalid or expired");
        }
    }
}
