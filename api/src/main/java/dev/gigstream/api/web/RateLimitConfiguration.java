package dev.gigstream.api.web;

import dev.gigstream.api.redis.RedisCircuit;
import dev.gigstream.api.redis.RedisProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import java.time.Duration;

/** Rate-limit buckets shared through Redis when it is configured; otherwise each instance counts alone. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    static final Duration RETRY_REDIS_AFTER = Duration.ofSeconds(5);

    @Bean
    SharedBuckets sharedBuckets(ObjectProvider<LettuceConnectionFactory> redis, RedisProperties properties) {
        LettuceConnectionFactory connections = redis.getIfAvailable();
        if (connections == null) {
            return SharedBuckets.NONE;
        }
        return new RedisBuckets(connections, properties, new RedisCircuit("rate limits",
                "each instance counts requests in its own buckets meanwhile, so the limits hold per instance only",
                RETRY_REDIS_AFTER));
    }
}
