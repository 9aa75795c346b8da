package dev.gigstream.api.location;

import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.JobRules;
import dev.gigstream.messages.job.JobView;
import dev.gigstream.messages.location.LocationErrorCode;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * When the hired worker's live location is taken: on a funded job (FUNDED or IN_PROGRESS), from
 * {@link #OPENS_BEFORE_START} before the shift starts until the worker checks out, or until the
 * shift ends if they never checked in (they cannot any more). A cancelled, finished or disputed job
 * takes none.
 */
final class LocationWindow {

    static final Duration OPENS_BEFORE_START = Duration.ofMinutes(JobRules.LOCATION_OPENS_MINUTES_BEFORE);
    private static final Set<JobStatus> DURING_SHIFT = EnumSet.of(JobStatus.FUNDED, JobStatus.IN_PROGRESS);

    private LocationWindow() {
    }

    static Instant opensAt(ShiftWindow shift) {
        return shift.start().minus(OPENS_BEFORE_START);
    }

    /** Empty while the job's location is taken at {@code now}; else why not. */
    static Optional<String> closedBecause(JobView job, Instant now) {
        if (job.checkedOutAt() != null) {
            return Optional.of("The worker checked out at " + job.checkedOutAt() + "; the location is no longer taken");
        }
        if (!DURING_SHIFT.contains(job.status())) {
            return Optional.of("The job is " + job.status() + "; the location is taken only during a funded shift");
        }
        if (now.isBefore(opensAt(job.shift()))) {
            return Optional.of("The location is taken from " + opensAt(job.shift())
                    + ", " + JobRules.LOCATION_OPENS_MINUTES_BEFORE + " minutes before the shift starts, until check-out");
        }
        if (job.checkedInAt() == null && !now.isBefore(job.shift().end())) {
            return Optional.of("The shift ended at " + job.shift().end() + " without a check-in");
        }
        return Optional.empty();
    }

    /** @throws RefusedException {@code OUTSIDE_LOCATION_WINDOW} when the location is not taken at {@code now} */
    static void requireOpen(JobView job, Instant now) {
        Optional<String> closed = closedBecause(job, now);
        if (closed.isPresent()) {
            throw new RefusedException(LocationErrorCode.OUTSIDE_LOCATION_WINDOW, closed.get());
        }
    }
}
