package dev.gigstream.api.matching;

import com.mongodb.client.MongoDatabase;
import dev.gigstream.api.redis.RedisProperties;
import dev.gigstream.policies.matching.MatchingSettings;
import dev.gigstream.query.matching.MongoOfferQueues;
import dev.gigstream.query.matching.OfferQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Clock;

/** The matching policy's settings, and where the workers' offer queues live: Redis when it is configured, else MongoDB. */
@Configuration(proxyBeanMethods = false)
class MatchingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MatchingConfiguration.class);

    @Bean
    MatchingSettings matchingSettings(MatchingProperties properties) {
        return properties.settings();
    }

    @Bean
    OfferQueues offerQueues(ObjectProvider<StringRedisTemplate> redis, RedisProperties redisProperties,
                            MongoDatabase readModels, Clock clock) {
        StringRedisTemplate template = redis.getIfAvailable();
        if (template == null) {
            log.info("Workers' offer queues: MongoDB (job_matches); set GIGSTREAM_REDIS_URL to keep them in Redis");
            return new MongoOfferQueues(readModels);
        }
        log.info("Workers' offer queues: Redis");
        return new RedisOfferQueues(template, redisProperties, clock);
    }
}
