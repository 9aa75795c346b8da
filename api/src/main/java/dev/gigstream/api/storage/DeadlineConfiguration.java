package dev.gigstream.api.storage;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * Persistent deadlines and recurring jobs: a db-scheduler {@link Scheduler} on the event-store database. Axon's
 * db-scheduler auto-configuration sees this bean and contributes the deadline task and the
 * {@code DbSchedulerDeadlineManager}. Scheduling joins the surrounding transaction, so a deadline
 * exists exactly when the event that asked for it was stored. The scheduler starts once the
 * application (and Axon) is ready and stops first on shutdown.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    @Bean
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks,
                                @Value("${gigstream.deadlines.polling-interval:1s}") Duration pollingInterval) {
        DataSource transactional = dataSource instanceof TransactionAwareDataSourceProxy
                ? dataSource : new TransactionAwareDataSourceProxy(dataSource);
        List<RecurringTask<?>> recurring = tasks.stream()
                .filter(RecurringTask.class::isInstance).<RecurringTask<?>>map(RecurringTask.class::cast).toList();
        List<Task<?>> onDemand = tasks.stream().filter(task -> !(task instanceof RecurringTask)).toList();
        return Scheduler.create(transactional, onDemand)
                .startTasks(recurring) // db-scheduler knows start tasks too: they are not listed twice
                .tableName("scheduled_tasks")
                .threads(4)
                .pollingInterval(pollingInterval)
                .heartbeatInterval(Duration.ofSeconds(30))
                .shutdownMaxWait(Duration.ofSeconds(10))
                .alwaysPersistTimestampInUTC()
                .build();
    }

    @Bean
    DeadlineSchedulerLifecycle deadlineSchedulerLifecycle(Scheduler scheduler) {
        return new DeadlineSchedulerLifecycle(scheduler);
    }

    static final class DeadlineSchedulerLifecycle implements SmartLifecycle {

        private static final Logger log = LoggerFactory.getLogger(DeadlineSchedulerLifecycle.class);

        private final Scheduler scheduler;
        private volatile boolean running;

        DeadlineSchedulerLifecycle(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @EventListener(ApplicationReadyEvent.class)
        void startWhenReady() {
            scheduler.start();
            running = true;
            log.info("Deadline scheduler started");
        }

        @Override
        public void start() {
            // started on ApplicationReadyEvent, when every aggregate and saga can take its deadlines
        }

        @Override
        public void stop() {
            if (running) {
                scheduler.stop();
                running = false;
            }
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return Integer.MAX_VALUE; // stopped before Axon and the data source
        }
    }
}
