package dev.gigstream.api.geocode;

import dev.gigstream.api.redis.RedisCircuit;
import dev.gigstream.api.redis.RedisProperties;
import dev.gigstream.api.web.problems.RetryLaterException;
import dev.gigstream.geocoding.UpstreamCalls;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The platform's daily budget of calls to Google, counted per UTC day: once {@code perDay} calls were
 * sent, every geocoding that would need another one is refused with 503
 * {@code GEOCODING_BUDGET_SPENT} and {@code Retry-After} until the day turns; answers from the cache
 * still come. With Redis the count is shared by all instances ({@code <prefix>geocoding-calls:<day>});
 * without it, or while Redis does not answer, each instance counts on its own.
 */
final class GeocodingBudget implements UpstreamCalls {

    static final Duration RETRY_REDIS_AFTER = Duration.ofSeconds(5);

    private final long perDay;
    private final Clock clock;
    private final StringRedisTemplate redis;
    private final RedisProperties redisProperties;
    private final RedisCircuit circuit;
    private final Map<LocalDate, AtomicLong> local = new ConcurrentHashMap<>();

    /** @param redis null without Redis */
    GeocodingBudget(long perDay, Clock clock, StringRedisTemplate redis, RedisProperties redisProperties) {
        this.perDay = perDay;
        this.clock = clock;
        this.redis = redis;
        this.redisProperties = redisProperties;
        this.circuit = new RedisCircuit("the geocoding budget",
                "each instance counts its own calls to Google meanwhile, so the daily budget holds per instance only",
                RETRY_REDIS_AFTER);
    }

    @Override
    public void take() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (count(today) > perDay) {
            Duration untilTomorrow = Duration.between(now, today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            throw new RetryLaterException(HttpStatus.SERVICE_UNAVAILABLE, GeocodingErrorCode.GEOCODING_BUDGET_SPENT.name(),
                    "Today's geocoding budget is spent; send the location's lat and lng, or try again after midnight UTC",
                    untilTomorrow);
        }
    }

    /** This call's number among today's. */
    private long count(LocalDate day) {
        if (redis != null && circuit.allowsCall()) {
            try {
                String key = redisProperties.key("geocoding-calls", day.toString());
                Long count = redis.opsForValue().increment(key);
                if (count != null && count == 1) {
                    redis.expire(key, Duration.ofDays(2));
                }
                circuit.succeeded();
                return count == null ? 0 : count;
            } catch (RuntimeException e) {
                circuit.failed(e);
            }
        }
        local.keySet().removeIf(day::isAfter);
        return local.computeIfAbsent(day, unused -> new AtomicLong()).incrementAndGet();
    }
}
