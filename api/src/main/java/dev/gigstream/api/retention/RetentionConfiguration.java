package dev.gigstream.api.retention;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.gigstream.query.location.LocationPings;
import dev.gigstream.query.location.LocationShares;
import dev.gigstream.query.notifications.NotificationInbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;

/**
 * The retention sweep as a db-scheduler recurring task (stored in the database, run by one instance at a
 * time when there are several) every {@code gigstream.retention.sweep-every}, and the read-model stores
 * it sweeps; the relational stores ({@code audit_read}, {@code refresh_token}) declare themselves.
 */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    @Bean
    Retained locationPingsRetained(LocationPings pings) {
        return Retained.of(RetentionRule.LOCATION_PINGS, pings::deleteBatchBefore);
    }

    @Bean
    Retained shareLinksRetained(LocationShares shares) {
        return Retained.of(RetentionRule.SHARE_LINKS, shares::deleteBatchExpiredBefore);
    }

    @Bean
    Retained notificationsRetained(NotificationInbox inbox) {
        return Retained.of(RetentionRule.NOTIFICATIONS, inbox::deleteBatchBefore);
    }

    @Bean
    RetentionSweep retentionSweep(List<Retained> stores, RetentionProperties properties, Clock clock) {
        return new RetentionSweep(stores, properties, clock);
    }

    @Bean
    RecurringTask<Void> retentionSweepTask(RetentionProperties properties, RetentionSweep sweep) {
        return Tasks.recurring(RetentionSweep.TASK, FixedDelay.of(properties.sweepEvery()))
                .execute((instance, context) -> sweep.sweep());
    }
}
