package dev.gigstream.api.geocode;

import dev.gigstream.api.redis.RedisProperties;
import dev.gigstream.api.testsupport.MovableClock;
import dev.gigstream.api.testsupport.RedisServer;
import dev.gigstream.api.web.problems.RetryLaterException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The daily budget of calls to Google: one count for all instances through Redis, per UTC day. */
class GeocodingBudgetTest {

    private final MovableClock clock = new MovableClock();
    private LettuceConnectionFactory connections;

    @AfterEach
    void close() {
        if (connections != null) {
            connections.destroy();
        }
    }

    @Test
    void instancesSharingRedisSpendOneBudgetTogetherUntilTheUtcDayTurns() {
        URI redis = URI.create(RedisServer.assumeAvailable());
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.getHost(), redis.getPort()));
        connections.afterPropertiesSet();
        connections.start();
        var template = new StringRedisTemplate(connections);
        var properties = new RedisProperties(redis.toString(), RedisServer.freshKeyPrefix(), Duration.ofSeconds(1));
        var one = new GeocodingBudget(3, clock, template, properties);
        var other = new GeocodingBudget(3, clock, template, properties);

        one.take();
        other.take();
        one.take();

        assertThatThrownBy(other::take).isInstanceOfSatisfying(RetryLaterException.class, spent -> {
            assertThat(spent.code()).isEqualTo("GEOCODING_BUDGET_SPENT");
            assertThat(spent.retryAfterSeconds()).isBetween(secondsUntilMidnight() - 2, secondsUntilMidnight() + 1);
        });
        clock.moveBy(Duration.ofSeconds(secondsUntilMidnight() + 1));
        other.take();
    }

    @Test
    void withoutRedisEachInstanceCountsItsOwnDay() {
        var alone = new GeocodingBudget(1, clock, null, new RedisProperties(null, null, null));

        alone.take();
        assertThatThrownBy(alone::take).isInstanceOf(RetryLaterException.class);
        clock.moveBy(Duration.ofDays(1));
        alone.take();
    }

    private long secondsUntilMidnight() {
        var now = clock.instant();
        var midnight = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return (long) Math.ceil(Duration.between(now, midnight).toMillis() / 1000.0);
    }
}
