package dev.gigstream.api.notifications;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * STOMP over WebSocket at {@code /ws}. Each instance runs its own in-memory broker for the sessions
 * connected to it; notifications reach every instance's sessions through Redis pub/sub (see
 * {@link NotificationBroadcast}), so no broker relay is needed. Heartbeats every 10 s both ways let mobile
 * clients and the server notice dead connections. A session lives no longer than its access token
 * ({@link OpenSessions}).
 */
@Configuration // proxied: configureMessageBroker must get the managed heartbeat scheduler from heartbeats()
@EnableWebSocketMessageBroker
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

    static final String NOTIFICATIONS = "/user/queue/notifications";
    /** The platform's numbers, pushed to admins as they change (see {@code StompAdminStatsSink}). */
    static final String ADMIN_STATS = "/topic/admin/stats";
    /** Where a client sends a fresh access token to keep its session open (see {@link OpenSessions}). */
    static final String RENEW_TOKEN = "/app/token";

    private final JwtDecoder jwtDecoder;
    private final OpenSessions sessions;
    private final String[] allowedOrigins;

    WebSocketConfiguration(JwtDecoder jwtDecoder, OpenSessions sessions,
                           @Value("${gigstream.websocket.allowed-origins:*}") String[] allowedOrigins) {
        this.jwtDecoder = jwtDecoder;
        this.sessions = sessions;
        this.allowedOrigins = allowedOrigins;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws").setAllowedOriginPatterns(allowedOrigins);
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/queue", "/topic")
                .setHeartbeatValue(new long[]{10_000, 10_000})
                .setTaskScheduler(heartbeats());
        registry.setUserDestinationPrefix("/user");
        registry.setApplicationDestinationPrefixes("/app");
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(new StompAuthentication(jwtDecoder, sessions));
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.interceptors(new SessionGate(sessions));
    }

    /** The in-memory broker finds a destination's subscribers by the destination, not by going through every session. */
    @Bean
    static BeanPostProcessor exactSubscriptions() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof SimpleBrokerMessageHandler broker) {
                    broker.setSubscriptionRegistry(new ExactSubscriptions());
                }
                return bean;
            }
        };
    }

    @Bean
    ThreadPoolTaskScheduler heartbeats() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("stomp-heartbeat-");
        return scheduler;
    }
}
