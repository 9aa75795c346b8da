package dev.gigstream.api.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConfiguration.WithPassword;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The connection to Redis when {@code gigstream.redis.url} is set ({@code GIGSTREAM_REDIS_URL}, e.g.
 * {@code redis://127.0.0.1:6379} or {@code rediss://:password@host:6380/0}). Spring Boot's own Redis
 * configuration is switched off (it would connect to localhost by default); the health endpoint shows a
 * {@code redis} component whenever this connection exists. Connecting gives up after the command
 * timeout too, and while the connection is lost commands fail at once rather than queue for the
 * reconnection: callers fall back (see {@link RedisCircuit}) instead of waiting. The instances hear each
 * other through its one {@link RedisSubscription}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${gigstream.redis.url:}'.isBlank()")
class RedisConfiguration {

    @Bean
    LettuceConnectionFactory redisConnectionFactory(RedisProperties properties) {
        var server = LettuceConnectionFactory.createRedisConfiguration(properties.url());
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
                .commandTimeout(properties.timeout())
                .clientOptions(ClientOptions.builder()
                        .socketOptions(SocketOptions.builder().connectTimeout(properties.timeout()).build())
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .build());
        if (properties.url().startsWith("rediss:")) {
            client.useSsl();
        }
        return new LettuceConnectionFactory(server, client.build());
    }

    @Bean
    StringRedisTemplate stringRedisTemplate(LettuceConnectionFactory connections) {
        return new StringRedisTemplate(connections);
    }

    /** The instance's one subscription, shared by every feature that hears the other instances. */
    @Bean
    RedisSubscription redisSubscription(StringRedisTemplate redis) {
        return new RedisSubscription(redis);
    }
}
