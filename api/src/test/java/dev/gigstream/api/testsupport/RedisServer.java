package dev.gigstream.api.testsupport;

import dev.gigstream.query.testsupport.MongoBackend;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.containers.GenericContainer;

import java.time.Duration;
import java.util.UUID;

/**
 * The Redis that integration tests use: the server at {@code GIGSTREAM_TEST_REDIS_URL} (default
 * {@code redis://127.0.0.1:6379}) when it answers, else a Testcontainers {@code redis:7-alpine} where
 * Docker runs, else none: tests that need it are then skipped, saying so ({@link #assumeAvailable()}).
 * Each test application gets a key prefix of its own ({@link #freshKeyPrefix()}), so tests sharing the
 * server never see each other's keys.
 */
public final class RedisServer {

    private static String url;
    private static boolean looked;

    private RedisServer() {
    }

    /** The URL of a Redis that answers, or null. */
    public static synchronized String url() {
        if (looked) {
            return url;
        }
        looked = true;
        String local = System.getenv().getOrDefault("GIGSTREAM_TEST_REDIS_URL", "redis://127.0.0.1:6379");
        if (answers(local)) {
            System.out.println("[gigstream-test] Redis: the server at " + local);
            url = local;
        } else if (MongoBackend.Docker.available()) {
            GenericContainer<?> container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            url = "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
            System.out.println("[gigstream-test] Redis: a Testcontainers redis:7-alpine at " + url);
        } else {
            System.out.println("[gigstream-test] Redis: none at " + local + " and no Docker engine; tests that need Redis are skipped");
        }
        return url;
    }

    /** Skips the calling test (visibly, with the reason) when no Redis is available. */
    public static String assumeAvailable() {
        String available = url();
        Assumptions.assumeTrue(available != null,
                "SKIPPED: no Redis answers (GIGSTREAM_TEST_REDIS_URL, default redis://127.0.0.1:6379) and there is no Docker engine");
        return available;
    }

    public static String freshKeyPrefix() {
        return "gstest:" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    private static boolean answers(String candidate) {
        RedisURI uri = RedisURI.create(candidate);
        uri.setTimeout(Duration.ofSeconds(1));
        RedisClient client = RedisClient.create(uri);
        try (var connection = client.connect()) {
            return "PONG".equals(connection.sync().ping());
        } catch (RuntimeException notThere) {
            return false;
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }
}
