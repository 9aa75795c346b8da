package dev.gigstream.api.notifications;

import dev.gigstream.api.auth.RevokedAccessTokenException;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.security.Principal;
import java.util.List;

/**
 * Who may talk STOMP: a CONNECT must carry {@code Authorization: Bearer <access token>} (the same JWT
 * as the REST API) or the connection is refused (for a token that was logged out or whose account is
 * suspended, the ERROR frame's message starts with the problem code, e.g. {@code TOKEN_REVOKED:}); a user may subscribe only to their own
 * {@code /user/queue/notifications}, and an admin also to {@code /topic/admin/stats}; clients send nothing.
 */
class StompAuthentication implements ChannelInterceptor {

    private final JwtDecoder jwtDecoder;

    StompAuthentication(JwtDecoder jwtDecoder) {
        this.jwtDecoder = jwtDecoder;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message;
        }
        switch (stomp.getCommand()) {
            case CONNECT -> stomp.setUser(authenticate(stomp.getFirstNativeHeader("Authorization")));
            case SUBSCRIBE -> {
                if (stomp.getUser() == null || !maySubscribe(stomp.getUser(), stomp.getDestination())) {
                    throw new MessageDeliveryException("Only " + WebSocketConfiguration.NOTIFICATIONS
                            + " (and " + WebSocketConfiguration.ADMIN_STATS + " for admins) may be subscribed to");
                }
            }
            case SEND -> throw new MessageDeliveryException("Clients do not send messages here");
            default -> {
                // DISCONNECT, UNSUBSCRIBE, heartbeats: fine
            }
        }
        return message;
    }

    private static boolean maySubscribe(Principal user, String destination) {
        if (WebSocketConfiguration.ADMIN_STATS.equals(destination)) {
            return user instanceof JwtAuthenticationToken token && "ADMIN".equals(token.getToken().getClaimAsString("role"));
        }
        return WebSocketConfiguration.NOTIFICATIONS.equals(destination);
    }

    private JwtAuthenticationToken authenticate(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new MessageDeliveryException("CONNECT needs Authorization: Bearer <access token>");
        }
        try {
            var jwt = jwtDecoder.decode(authorization.substring("Bearer ".length()).strip());
            return new JwtAuthenticationToken(jwt, List.of(), jwt.getSubject());
        } catch (RevokedAccessTokenException e) {
            throw new MessageDeliveryException(e.code() + ": " + e.getMessage());
        } catch (JwtException e) {
            throw new MessageDeliveryException("The access token is invalid or expired");
        }
    }
}
