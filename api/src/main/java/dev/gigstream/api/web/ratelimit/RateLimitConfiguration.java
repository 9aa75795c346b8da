package dev.gigstream.api.web.ratelimit;

import dev.gigstream.api.redis.RedisCircuit;
import dev.gigstream.api.redis.RedisProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

/**
 * Rate-limit buckets shared through Redis when it is configured; otherwise each instance counts alone.
 * The endpoint limits run inside the security filter chain (after authorization, so they know the user),
 * not as a servlet filter of their own.
 */
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

    @Bean
    EndpointRateLimitFilter endpointRateLimitFilter(RateLimitProperties properties, SharedBuckets shared, JsonMapper json) {
        return new EndpointRateLimitFilter(properties, shared, json);
    }

    @Bean
    FilterRegistrationBean<EndpointRateLimitFilter> endpointRateLimitsOnlyInTheSecurityChain(EndpointRateLimitFilter filter) {
        FilterRegistrationBean<EndpointRateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
