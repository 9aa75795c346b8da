package dev.gigstream.api.redis;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.api.testsupport.RedisBackedIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresIT
class RedisHealthIT extends RedisBackedIT {

    @Autowired
    Api api;

    @Test
    void healthShowsRedisWhenConfigured() {
        var health = api.get("/actuator/health", null).expect(200).json();
        assertThat(health.path("components").path("redis").path("status").asText()).isEqualTo("UP");
    }
}
