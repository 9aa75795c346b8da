package dev.gigstream.command.job;

import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.job.JobRules;

import java.time.Duration;
import java.time.Instant;

/**
 * What a client's cancellation of a funded job costs: nothing if it comes more than
 * {@value #FREE_HOURS} hours before the start (the whole escrow goes back to the client); later,
 * the worker receives {@code lateShareBasisPoints} of the pay (5000 = half), rounded half up, and the
 * client gets back the rest.
 */
public final class CancellationPolicy {

    static final long FREE_HOURS = JobRules.FREE_CANCELLATION_HOURS;
    public static final int DEFAULT_LATE_SHARE_BASIS_POINTS = 5_000;

    private final int lateShareBasisPoints;

    public CancellationPolicy(int lateShareBasisPoints) {
        if (lateShareBasisPoints < 0 || lateShareBasisPoints > 10_000) {
            throw new IllegalArgumentException("the late-cancellation share is 0 to 10000 basis points");
        }
        this.lateShareBasisPoints = lateShareBasisPoints;
    }

    public Money workerShare(Money pay, ShiftWindow shift, Instant cancelledAt) {
        if (cancelledAt.isBefore(shift.start().minus(Duration.ofHours(FREE_HOURS)))) {
            return new Money(0, pay.currency());
        }
        return new Money((pay.amount() * lateShareBasisPoints + 5_000) / 10_000, pay.currency());
    }
}
