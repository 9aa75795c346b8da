package dev.gigstream.api.job;

import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.JobView;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;
import java.util.Set;

/**
 * Who may know what of a job. Who worked for whom (the hired worker, the escrow, a dispute, when the
 * shift was worked) is for the job's parties, its client and hired worker, and for the staff who
 * oversee payments (admins and auditors, who read the event history anyway). Anyone else reads a job
 * as the feed shows it, and sees others' jobs in the feed only while they are OPEN.
 */
public final class JobParties {

    private static final Set<String> OVERSEERS = Set.of("ADMIN", "AUDITOR");

    private JobParties() {
    }

    public static boolean isParty(JobView job, String userId) {
        return userId.equals(job.clientId()) || userId.equals(job.hiredWorkerId());
    }

    /** In the feed for everyone: an OPEN job is what the feed is for. */
    public static boolean inFeed(JobView job) {
        return job.status() == JobStatus.OPEN;
    }

    static boolean oversees(Jwt user) {
        return OVERSEERS.contains(user.getClaimAsString("role"));
    }

    /** The job whole for its parties and overseers; for anyone else without who worked it, when, and how it was paid. */
    static JobView asSeenBy(JobView job, Jwt user) {
        if (isParty(job, user.getSubject()) || oversees(user)) {
            return job;
        }
        return new JobView(job.jobId(), job.clientId(), job.title(), job.description(), job.requiredSkills(), job.site(),
                job.shift(), job.pay(), job.status(), job.postedAt(), null, null, List.of(), null, null, false, null);
    }
}
