package dev.gigstream.api.location;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.gigstream.query.location.LocationPings;
import dev.gigstream.query.location.LocationShares;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Instant;

/**
 * Locations are forgotten after {@code gigstream.location.retention}: MongoDB's TTL indexes remove
 * them, but the in-process MongoDB server ignores TTL indexes, so a db-scheduler recurring task (one
 * instance at a time) removes the same documents every {@code gigstream.location.purge-every}.
 */
@Configuration(proxyBeanMethods = false)
class LocationPurge {

    private static final Logger log = LoggerFactory.getLogger(LocationPurge.class);

    @Bean
    RecurringTask<Void> locationPurgeTask(LocationProperties properties, LocationPings pings, LocationShares shares, Clock clock) {
        return Tasks.recurring("location-purge", FixedDelay.of(properties.purgeEvery()))
                .execute((instance, context) -> purge(pings, shares, clock.instant()));
    }

    static long purge(LocationPings pings, LocationShares shares, Instant now) {
        long removed = pings.purgeExpired(now) + shares.purgeExpired(now);
        if (removed > 0) {
            log.info("Purged {} location document(s) older than the retention period", removed);
        }
        return removed;
    }
}
