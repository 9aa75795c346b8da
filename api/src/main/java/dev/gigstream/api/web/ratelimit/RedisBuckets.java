package dev.gigstream.api.web.ratelimit;

import dev.gigstream.api.redis.RedisCircuit;
import dev.gigstream.api.redis.RedisProperties;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Buckets in Redis through Bucket4j's Lettuce integration (compare-and-swap in a Lua script, so
 * instances never lose each other's tokens). A bucket's key expires once it would be full again, so
 * Redis holds only the addresses that were busy lately. The connection is opened on first use, not at
 * start-up, so an instance starts while Redis is down; when Redis fails, {@link RedisCircuit} sends
 * requests to the instance's own buckets for a few seconds before trying again.
 */
final class RedisBuckets implements SharedBuckets, AutoCloseable {

    private static final Duration KEEP_AFTER_FULL = Duration.ofSeconds(1);

    private final LettuceConnectionFactory connections;
    private final RedisProperties properties;
    private final RedisCircuit circuit;
    private StatefulRedisConnection<String, byte[]> connection;
    private ProxyManager<String> buckets;

    RedisBuckets(LettuceConnectionFactory connections, RedisProperties properties, RedisCircuit circuit) {
        this.connections = connections;
        this.properties = properties;
        this.circuit = circuit;
    }

    @Override
    public Optional<ConsumptionProbe> tryConsume(String key, Supplier<BucketConfiguration> configuration) {
        if (!circuit.allowsCall()) {
            return Optional.empty();
        }
        try {
            ConsumptionProbe probe = buckets().builder().build(properties.key("rate-limit", key), configuration)
                    .tryConsumeAndReturnRemaining(1);
            circuit.succeeded();
            return Optional.of(probe);
        } catch (RuntimeException e) {
            circuit.failed(e);
            return Optional.empty();
        }
    }

    private synchronized ProxyManager<String> buckets() {
        if (buckets == null) {
            RedisClient client = (RedisClient) connections.getRequiredNativeClient();
            connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            buckets = Bucket4jLettuce.casBasedBuilder(connection)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
                    .requestTimeout(properties.timeout())
                    .build();
        }
        return buckets;
    }

    /**
     * The Redis client's own stop (a lifecycle phase, after the web server and Axon have stopped) has
     * closed this connection already as a rule: closing it again would only log "Connection is already
     * closed".
     */
    @Override
    public synchronized void close() {
        if (connection != null && connection.isOpen()) {
            connection.close();
        }
    }
}
