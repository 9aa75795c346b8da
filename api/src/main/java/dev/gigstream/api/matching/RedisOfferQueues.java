package dev.gigstream.api.matching;

import dev.gigstream.api.redis.RedisProperties;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.Money;
import dev.gigstream.query.matching.OfferQueues;
import dev.gigstream.query.matching.OffersUnavailable;
import dev.gigstream.query.matching.QueuedOffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The offer queues in Redis, shared by every instance. Per worker a sorted set of job ids by rank (best
 * first, equal ranks by job id) and a second one by expiry, trimmed whenever the queue is read; per job a
 * hash of the offer of each worker it was offered to, which is also the index that withdraws the job from
 * every queue. Each change is one Lua script, so a job leaves every queue at once, and every key expires
 * with the last offer it holds. Keys: {@code offers:worker:<id>}, {@code offers:worker:<id>:expiry},
 * {@code offers:job:<id>} under the configured prefix (the scripts name the worker and job keys they
 * reach from that prefix, so the keys must live on one server, not a cluster). A Redis that fails or
 * does not answer within its timeout is reported as {@link OffersUnavailable}; a change that timed out is
 * sent again first (adding and withdrawing are idempotent).
 */
class RedisOfferQueues implements OfferQueues {

    private static final RedisScript<Long> ADD = RedisScript.of("""
            redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
            redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
            redis.call('HSET', KEYS[3], ARGV[2], ARGV[5])
            local ttl = tonumber(ARGV[6])
            for i = 1, 3 do
              if redis.call('PTTL', KEYS[i]) < ttl then
                redis.call('PEXPIRE', KEYS[i], ttl)
              end
            end
            return 1
            """, Long.class);

    private static final RedisScript<Long> WITHDRAW = RedisScript.of("""
            local workers = redis.call('HKEYS', KEYS[1])
            for _, worker in ipairs(workers) do
              redis.call('ZREM', ARGV[1] .. worker, ARGV[2])
              redis.call('ZREM', ARGV[1] .. worker .. ':expiry', ARGV[2])
            end
            redis.call('DEL', KEYS[1])
            return #workers
            """, Long.class);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> LIVE = RedisScript.of("""
            local lapsed = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
            for _, job in ipairs(lapsed) do
              redis.call('ZREM', KEYS[1], job)
              redis.call('HDEL', ARGV[2] .. job, ARGV[3])
            end
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
            local result = {}
            for _, job in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
              local offer = redis.call('HGET', ARGV[2] .. job, ARGV[3])
              if offer then
                table.insert(result, job)
                table.insert(result, offer)
              end
            end
            return result
            """, List.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CLEAR_BATCH = 500;
    /** How often a change is sent when Redis does not answer it in time: each waits up to the command timeout. */
    private static final int CHANGE_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(RedisOfferQueues.class);

    private final StringRedisTemplate redis;
    private final RedisProperties properties;
    private final Clock clock;

    RedisOfferQueues(StringRedisTemplate redis, RedisProperties properties, Clock clock) {
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void add(QueuedOffer offer) {
        long ttlMillis = offer.expiresAt().toEpochMilli() - clock.millis();
        if (ttlMillis <= 0) {
            return;
        }
        String entry = JSON.writeValueAsString(Entry.of(offer));
        resending(() -> redis.execute(ADD, List.of(queueKey(offer.workerId()), expiryKey(offer.workerId()), jobKey(offer.jobId())),
                offer.jobId(), offer.workerId(), String.valueOf(offer.rank()), String.valueOf(offer.expiresAt().toEpochMilli()),
                entry, String.valueOf(ttlMillis)));
    }

    @Override
    public void withdraw(String jobId) {
        resending(() -> redis.execute(WITHDRAW, List.of(jobKey(jobId)), properties.key("offers", "worker", ""), jobId));
    }

    @Override
    public List<QueuedOffer> live(String workerId, Instant now) {
        List<?> reply = answering(() -> redis.execute(LIVE, List.of(queueKey(workerId), expiryKey(workerId)),
                String.valueOf(now.toEpochMilli()), properties.key("offers", "job", ""), workerId));
        List<QueuedOffer> offers = new ArrayList<>(reply.size() / 2);
        for (int i = 0; i + 1 < reply.size(); i += 2) {
            String jobId = (String) reply.get(i);
            offers.add(JSON.readValue((String) reply.get(i + 1), Entry.class).toOffer(jobId, workerId));
        }
        return offers;
    }

    @Override
    public void clear() {
        answering(() -> {
            ScanOptions everyOfferKey = ScanOptions.scanOptions().match(glob(properties.key("offers")) + ":*")
                    .count(CLEAR_BATCH).build();
            List<String> batch = new ArrayList<>(CLEAR_BATCH);
            try (Cursor<String> keys = redis.scan(everyOfferKey)) {
                while (keys.hasNext()) {
                    batch.add(keys.next());
                    if (batch.size() == CLEAR_BATCH) {
                        redis.unlink(batch);
                        batch.clear();
                    }
                }
            }
            if (!batch.isEmpty()) {
                redis.unlink(batch);
            }
            return null;
        });
    }

    private String queueKey(String workerId) {
        return properties.key("offers", "worker", workerId);
    }

    private String expiryKey(String workerId) {
        return properties.key("offers", "worker", workerId, "expiry");
    }

    private String jobKey(String jobId) {
        return properties.key("offers", "job", jobId);
    }

    /**
     * Sends an idempotent change again when Redis did not answer it in time: a busy Redis (a rebuild writing
     * thousands of offers, a loaded host) answers the next one, and an offer or a withdrawal is not lost for
     * one slow command. A Redis that refuses the connection is not asked again: that fails at once.
     */
    private static void resending(Supplier<?> idempotentChange) {
        for (int attempt = 1; ; attempt++) {
            try {
                answering(idempotentChange);
                return;
            } catch (OffersUnavailable e) {
                if (!(e.getCause() instanceof QueryTimeoutException) || attempt == CHANGE_ATTEMPTS) {
                    throw e;
                }
                log.info("Redis did not answer an offer change in time (attempt {} of {}); sending it again",
                        attempt, CHANGE_ATTEMPTS);
            }
        }
    }

    private static <T> T answering(Supplier<T> call) {
        try {
            return call.get();
        } catch (DataAccessException e) {
            throw new OffersUnavailable("Redis did not answer: " + e.getMostSpecificCause().getMessage(), e);
        }
    }

    /** The key prefix as a SCAN pattern that matches it literally. */
    private static String glob(String literal) {
        return literal.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    /** An offer as its job's hash keeps it for the worker; the expiry in epoch milliseconds. */
    record Entry(int rank, String title, Long payAmount, String payCurrency, Double distanceKm, long expiresAt) {

        static Entry of(QueuedOffer offer) {
            return new Entry(offer.rank(), offer.title(), offer.pay() == null ? null : offer.pay().amount(),
                    offer.pay() == null ? null : offer.pay().currency().name(), offer.distanceKm(),
                    offer.expiresAt().toEpochMilli());
        }

        QueuedOffer toOffer(String jobId, String workerId) {
            return new QueuedOffer(jobId, workerId, rank, title,
                    payAmount == null ? null : Money.of(payAmount, Currency.valueOf(payCurrency)), distanceKm,
                    Instant.ofEpochMilli(expiresAt));
        }
    }
}
