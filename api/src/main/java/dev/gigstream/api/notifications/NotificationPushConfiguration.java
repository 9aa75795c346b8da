package dev.gigstream.api.notifications;

import dev.gigstream.api.redis.InstanceChannels;
import dev.gigstream.api.redis.RedisCircuit;
import dev.gigstream.api.redis.RedisProperties;
import dev.gigstream.api.storage.ReadModelProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.SimpMessagingTemplate;

import java.time.Clock;
import java.time.Duration;

/**
 * How the inbox's pushes reach the sessions. With the read models on a shared MongoDB one instance
 * runs the inbox for all, so its pushes go to the others through Redis when it is configured; with
 * the read models in each instance's own in-process MongoDB, every instance runs the inbox itself and
 * pushes to its own sessions only.
 */
@Configuration(proxyBeanMethods = false)
class NotificationPushConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotificationPushConfiguration.class);
    /** As long as the other features leave a Redis that does not answer alone. */
    private static final Duration RETRY_REDIS_AFTER = Duration.ofSeconds(5);

    @Bean
    StompNotificationSink stompNotificationSink(SimpMessagingTemplate broker, Clock clock) {
        return new StompNotificationSink(broker, clock);
    }

    @Bean
    NotificationBroadcast notificationBroadcast(StompNotificationSink sessionsHere, InstanceChannels instances,
                                                RedisProperties redisProperties, ReadModelProperties readModels) {
        if (readModels.external() && instances == InstanceChannels.thisInstanceOnly()) {
            log.info("Notifications are pushed to the sessions of the instance that stores them; set GIGSTREAM_REDIS_URL "
                    + "so that several instances on one MongoDB push to each other's sessions");
        }
        return new NotificationBroadcast(sessionsHere::deliver,
                readModels.external() ? instances : InstanceChannels.thisInstanceOnly(), redisProperties.key("notifications"),
                new RedisCircuit("the notifications for other instances", "notifications are pushed to this instance's "
                        + "sessions only; the others' users find them in their inbox", RETRY_REDIS_AFTER));
    }
}
