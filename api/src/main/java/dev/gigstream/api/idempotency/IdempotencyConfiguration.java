package dev.gigstream.api.idempotency;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.SecretKey;
import java.time.Clock;

/**
 * Idempotency keys: the interceptor after every other check of a request, and a db-scheduler recurring
 * task (one instance at a time) that deletes keys older than the retention, which reads ignore anyway.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

    private final IdempotencyKeys keys;
    private final SecretKey accessTokenKey;
    private final JsonMapper json;

    /** {@code accessTokenKey}: every instance has the same, also after a restart; fingerprints get a key derived from it. */
    IdempotencyConfiguration(IdempotencyKeys keys, SecretKey accessTokenKey, JsonMapper json) {
        this.keys = keys;
        this.accessTokenKey = accessTokenKey;
        this.json = json;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new IdempotencyInterceptor(keys, RequestFingerprint.keyFrom(accessTokenKey), json))
                .order(Ordered.LOWEST_PRECEDENCE);
    }

    @Bean
    RecurringTask<Void> idempotencyKeyPurgeTask(IdempotencyProperties properties, Clock clock) {
        return Tasks.recurring("idempotency-key-purge", FixedDelay.of(properties.purgeEvery()))
                .execute((instance, context) -> purge(keys, clock, properties));
    }

    static int purge(IdempotencyKeys keys, Clock clock, IdempotencyProperties properties) {
        int removed = keys.purgeClaimedBefore(clock.instant().minus(properties.retention()));
        if (removed > 0) {
            log.info("Purged {} idempotency key(s) older than the retention", removed);
        }
        return removed;
    }
}
