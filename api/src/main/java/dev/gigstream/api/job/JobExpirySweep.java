package dev.gigstream.api.job;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.job.ExpireJob;
import dev.gigstream.messages.job.FindJobFeed;
import dev.gigstream.messages.job.JobFeedItem;
import dev.gigstream.messages.job.JobFeedPage;
import dev.gigstream.messages.job.JobStatus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Open jobs nobody was hired for expire when their shift starts, without a deadline of their own: a
 * db-scheduler recurring task (stored in the database, so it survives restarts, and run by one
 * instance at a time when there are several) asks the job feed for the open jobs whose shift has
 * started (the feed's index by status and shift start) and sends each {@link ExpireJob}. The job
 * decides: one hired or cancelled in the meantime, or expired already, stays as it is, so a sweep that
 * sees a job twice (the read model follows the events a moment later) changes nothing twice.
 */
@Configuration(proxyBeanMethods = false)
class JobExpirySweep {

    static final String TASK = "job-expiry-sweep";
    static final int PAGE = 200;
    /** Enough for a backlog after a long stop; what is left waits for the next sweep. */
    static final int MAX_PAGES = 50;

    private static final Logger log = LoggerFactory.getLogger(JobExpirySweep.class);

    @Bean
    RecurringTask<Void> jobExpirySweepTask(@Value("${gigstream.jobs.expiry-sweep-every:30s}") Duration every,
                                           QueryGateway queries, CommandGateway commands, Clock clock) {
        return Tasks.recurring(TASK, FixedDelay.of(every))
                .execute((instance, context) -> sweep(queries, commands, clock.instant()));
    }

    /** Expires the open jobs whose shift started by {@code now}; answers how many were sent. */
    static int sweep(QueryGateway queries, CommandGateway commands, Instant now) {
        int sent = 0;
        MDC.put("source", TASK);
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                JobFeedPage due = queries.query(new FindJobFeed(null, null, 0, null, now, JobStatus.OPEN, null, page, PAGE),
                        JobFeedPage.class).join();
                for (JobFeedItem job : due.items()) {
                    try {
                        commands.sendAndWait(new ExpireJob(JobId.of(job.jobId()), now));
                        sent++;
                    } catch (RuntimeException e) { // the next sweep tries again
                        log.warn("Could not expire job {}: {}", job.jobId(), e.getMessage());
                    }
                }
                if (due.items().size() < PAGE) {
                    break;
                }
            }
        } finally {
            MDC.remove("source");
        }
        if (sent > 0) {
            log.info("Expiry sweep: {} open job(s) past their shift's start", sent);
        }
        return sent;
    }
}
