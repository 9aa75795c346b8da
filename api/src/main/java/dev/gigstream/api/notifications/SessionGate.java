package dev.gigstream.api.notifications;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ExecutorChannelInterceptor;

/**
 * Stands between the broker and each connection: a message is handed to the session only if the
 * session may still receive it ({@link OpenSessions#mayReceive}), checked right before it is written,
 * so nothing reaches a session whose token was revoked in the moment before the session is closed.
 * Frames other than messages (CONNECTED, RECEIPT, ERROR, heartbeats) pass.
 */
class SessionGate implements ExecutorChannelInterceptor {

    private final OpenSessions sessions;

    SessionGate(OpenSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Message<?> beforeHandle(Message<?> message, MessageChannel channel, MessageHandler handler) {
        if (SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) != SimpMessageType.MESSAGE) {
            return message;
        }
        String sessionId = SimpMessageHeaderAccessor.getSessionId(message.getHeaders());
        String destination = SimpMessageHeaderAccessor.getDestination(message.getHeaders());
        return sessionId != null && sessions.mayReceive(sessionId, destination) ? message : null;
    }
}
