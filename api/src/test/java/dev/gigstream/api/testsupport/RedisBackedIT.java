package dev.gigstream.api.testsupport;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of an application test that runs with Redis ({@link RedisServer}): skipped, visibly, when none is
 * available; otherwise the application uses it under a key prefix of the test class's own.
 */
public abstract class RedisBackedIT {

    @BeforeAll
    static void needsRedis() {
        RedisServer.assumeAvailable();
    }

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("gigstream.redis.url", RedisServer::url);
        registry.add("gigstream.redis.key-prefix", RedisServer::freshKeyPrefix);
    }
}
