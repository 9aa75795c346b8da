package dev.gigstream.api.matching;

import dev.gigstream.api.redis.RedisProperties;
import dev.gigstream.api.testsupport.RedisServer;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.Money;
import dev.gigstream.query.matching.OffersUnavailable;
import dev.gigstream.query.matching.QueuedOffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The offer queues on a real Redis (the local server, a container, or skipped saying why). */
class RedisOfferQueuesIT {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final Money PAY = Money.of(900_000, Currency.NGN);

    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;

    private RedisProperties properties;
    private RedisOfferQueues queues;

    @BeforeAll
    static void connect() {
        connections = connectTo(RedisServer.assumeAvailable());
        redis = new StringRedisTemplate(connections);
    }

    @AfterAll
    static void disconnect() {
        if (connections != null) {
            connections.destroy();
        }
    }

    @BeforeEach
    void freshPrefix() {
        properties = new RedisProperties(RedisServer.url(), RedisServer.freshKeyPrefix(), Duration.ofMillis(500));
        queues = new RedisOfferQueues(redis, properties, Clock.fixed(T0, ZoneOffset.UTC));
    }

    private static LettuceConnectionFactory connectTo(String url) {
        var factory = new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(url),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    private static QueuedOffer offer(String jobId, String workerId, int rank, Instant expiresAt) {
        return new QueuedOffer(jobId, workerId, rank, "Cook " + jobId, PAY, 2.5, expiresAt);
    }

    @Test
    void aWorkersOffersAreListedBestRankFirstWithWhatTheWorkerSees() {
        queues.add(offer("job-b", "worker-1", 3, T0.plus(LIFETIME)));
        queues.add(offer("job-a", "worker-1", 1, T0.plus(Duration.ofMinutes(16))));
        queues.add(offer("job-c", "worker-1", 3, T0.plus(LIFETIME)));
        queues.add(offer("job-a", "worker-2", 2, T0.plus(Duration.ofMinutes(16))));

        assertThat(queues.live("worker-1", T0)).containsExactly(
                offer("job-a", "worker-1", 1, T0.plus(Duration.ofMinutes(16))),
                offer("job-b", "worker-1", 3, T0.plus(LIFETIME)),
                offer("job-c", "worker-1", 3, T0.plus(LIFETIME)));
        assertThat(queues.live("worker-2", T0)).extracting(QueuedOffer::jobId).containsExactly("job-a");
        assertThat(queues.live("worker-3", T0)).isEmpty();
    }

    @Test
    void anOfferMadeAgainReplacesItself() {
        queues.add(offer("job-a", "worker-1", 4, T0.plus(LIFETIME)));
        queues.add(offer("job-a", "worker-1", 4, T0.plus(LIFETIME)));

        assertThat(queues.live("worker-1", T0)).hasSize(1);
    }

    @Test
    void lapsedOffersAreTrimmedFromTheQueueWhenItIsRead() {
        queues.add(offer("job-a", "worker-1", 1, T0.plus(LIFETIME)));
        queues.add(offer("job-b", "worker-1", 2, T0.plus(Duration.ofMinutes(20))));

        assertThat(queues.live("worker-1", T0.plus(LIFETIME))).extracting(QueuedOffer::jobId).containsExactly("job-b");
        assertThat(redis.opsForZSet().range(properties.key("offers", "worker", "worker-1"), 0, -1)).containsExactly("job-b");
        assertThat(redis.opsForZSet().range(properties.key("offers", "worker", "worker-1", "expiry"), 0, -1))
                .containsExactly("job-b");
        assertThat(redis.hasKey(properties.key("offers", "job", "job-a"))).as("nobody holds job-a's offer any more").isFalse();
    }

    @Test
    void everyKeyExpiresWithTheLastOfferItHolds() {
        queues.add(offer("job-a", "worker-1", 1, T0.plus(Duration.ofMinutes(20))));
        queues.add(offer("job-b", "worker-1", 2, T0.plus(LIFETIME)));

        for (String key : List.of(properties.key("offers", "worker", "worker-1"), properties.key("offers", "worker", "worker-1", "expiry"))) {
            assertThat(redis.getExpire(key, TimeUnit.SECONDS)).as(key).isBetween(19 * 60L, 20 * 60L);
        }
        assertThat(redis.getExpire(properties.key("offers", "job", "job-b"), TimeUnit.SECONDS)).isBetween(14 * 60L, 15 * 60L);
    }

    @Test
    void aWithdrawnJobLeavesEveryWorkersQueueAtOnce() {
        for (String worker : List.of("worker-1", "worker-2", "worker-3")) {
            queues.add(offer("job-a", worker, 1, T0.plus(LIFETIME)));
            queues.add(offer("job-b", worker, 2, T0.plus(LIFETIME)));
        }

        queues.withdraw("job-a");

        for (String worker : List.of("worker-1", "worker-2", "worker-3")) {
            assertThat(queues.live(worker, T0)).as(worker).extracting(QueuedOffer::jobId).containsExactly("job-b");
            assertThat(redis.opsForZSet().score(properties.key("offers", "worker", worker, "expiry"), "job-a")).isNull();
        }
        assertThat(redis.hasKey(properties.key("offers", "job", "job-a"))).isFalse();
        queues.withdraw("job-never-offered");
    }

    @Test
    void clearingEmptiesTheseQueuesOnlyAndAnExpiredOfferIsNotAdded() {
        var otherDeployment = new RedisOfferQueues(redis,
                new RedisProperties(RedisServer.url(), RedisServer.freshKeyPrefix(), Duration.ofMillis(500)),
                Clock.fixed(T0, ZoneOffset.UTC));
        otherDeployment.add(offer("job-a", "worker-1", 1, T0.plus(LIFETIME)));
        for (int i = 0; i < 1_200; i++) {
            queues.add(offer("job-" + i, "worker-" + (i % 7), i, T0.plus(LIFETIME)));
        }

        queues.clear();
        queues.add(offer("job-lapsed", "worker-1", 1, T0));

        assertThat(redis.keys(properties.key("offers") + ":*")).isEmpty();
        assertThat(otherDeployment.live("worker-1", T0)).hasSize(1);
    }

    /**
     * A Redis too busy to answer one command in time (a rebuild writing thousands of offers, a loaded host)
     * does not lose the offer: adding and withdrawing are idempotent, so a command that timed out is sent
     * again. Redis holds every write here for longer than the command timeout, once.
     */
    @Test
    void aChangeThatTimesOutOnceIsSentAgainAndNotLost() {
        queues.add(offer("job-withdrawn", "worker-1", 2, T0.plus(LIFETIME)));
        pauseWrites(Duration.ofMillis(700));
        queues.add(offer("job-a", "worker-1", 1, T0.plus(LIFETIME)));
        pauseWrites(Duration.ofMillis(700));
        queues.withdraw("job-withdrawn");

        assertThat(queues.live("worker-1", T0)).extracting(QueuedOffer::jobId).containsExactly("job-a");
    }

    /** Redis answers no write, from any client, for {@code pause} (longer than the command timeout). */
    private static void pauseWrites(Duration pause) {
        redis.execute((RedisCallback<Object>) connection -> connection.execute("CLIENT",
                "PAUSE".getBytes(), String.valueOf(pause.toMillis()).getBytes(), "WRITE".getBytes()));
    }

    @Test
    void aRedisThatDoesNotAnswerMakesTheOffersUnavailable() {
        var nowhere = connectTo("redis://127.0.0.1:1");
        try {
            var down = new RedisOfferQueues(new StringRedisTemplate(nowhere), properties, Clock.fixed(T0, ZoneOffset.UTC));
            assertThatThrownBy(() -> down.live("worker-1", T0)).isInstanceOf(OffersUnavailable.class)
                    .extracting(e -> ((OffersUnavailable) e).refusal().code()).isEqualTo("OFFERS_UNAVAILABLE");
            assertThatThrownBy(() -> down.add(offer("job-a", "worker-1", 1, T0.plus(LIFETIME)))).isInstanceOf(OffersUnavailable.class);
            assertThatThrownBy(() -> down.withdraw("job-a")).isInstanceOf(OffersUnavailable.class);
            assertThatThrownBy(down::clear).isInstanceOf(OffersUnavailable.class);
        } finally {
            nowhere.destroy();
        }
    }
}
