package dev.gigstream.api.redis;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.api.testsupport.RedisServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresIT
class RedisHealthIT {

    @Autowired
    Api api;

    @BeforeAll
    static void needsRedis() {
        RedisServer.assumeAvailable();
    }

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("gigstream.redis.url", RedisServer::url);
        registry.add("gigstream.redis.key-prefix", RedisServer::freshKeyPrefix);
    }

    @Test
    void healthShowsRedisWhenConfigured() {
        var health = api.get("/actuator/health", null).expect(200).json();
        assertThat(health.path("components").path("redis").path("status").asText()).isEqualTo("UP");
    }
}
