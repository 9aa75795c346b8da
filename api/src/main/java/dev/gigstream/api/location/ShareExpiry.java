package dev.gigstream.api.location;

import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.JobView;
import dev.gigstream.api.location.LocationStore.Share;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * How long a share link shows the worker's location: the hours the worker chose (1 to
 * {@value #MAX_HOURS}, {@value #DEFAULT_HOURS} by default) and never past {@link #AFTER_CHECK_OUT}
 * after the check-out: a link made after the check-out is capped when it is made, and one made before
 * expires for its readers an hour after a check-out that came later. A link is made while the shift
 * is on (funded, in progress, or just checked out); a link of a job that was cancelled, expired or
 * reported a no-show, or whose worker is no longer the hired one, has expired.
 */
final class ShareExpiry {

    static final int MIN_HOURS = 1;
    static final int MAX_HOURS = 4;
    static final int DEFAULT_HOURS = 4;
    static final Duration AFTER_CHECK_OUT = Duration.ofHours(1);
    static final Set<JobStatus> SHAREABLE = EnumSet.of(JobStatus.FUNDED, JobStatus.IN_PROGRESS,
            JobStatus.AWAITING_CONFIRMATION);
    private static final Set<JobStatus> CALLED_OFF = EnumSet.of(JobStatus.CANCELLED, JobStatus.EXPIRED, JobStatus.NO_SHOW);

    enum State { LIVE, EXPIRED, REVOKED }

    private ShareExpiry() {
    }

    /** When a link made at {@code now} for {@code hours} expires. */
    static Instant onCreation(Instant now, int hours, Instant checkedOutAt) {
        if (hours < MIN_HOURS || hours > MAX_HOURS) {
            throw new IllegalArgumentException("a share link lasts 1 to 4 hours");
        }
        return effective(now.plus(Duration.ofHours(hours)), checkedOutAt);
    }

    /** A link's expiry as its readers see it: its own, or an hour after the check-out, whichever comes first. */
    static Instant effective(Instant expiresAt, Instant checkedOutAt) {
        if (checkedOutAt == null) {
            return expiresAt;
        }
        Instant cap = checkedOutAt.plus(AFTER_CHECK_OUT);
        return cap.isBefore(expiresAt) ? cap : expiresAt;
    }

    /** {@code job} is null when the job is not (or no longer) known. */
    static State state(Share share, JobView job, Instant now) {
        if (share.revokedAt() != null) {
            return State.REVOKED;
        }
        if (job == null || CALLED_OFF.contains(job.status()) || !share.workerId().equals(job.hiredWorkerId())) {
            return State.EXPIRED;
        }
        return now.isBefore(effective(share.expiresAt(), job.checkedOutAt())) ? State.LIVE : State.EXPIRED;
    }
}
