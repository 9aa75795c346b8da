package dev.gigstream.query.worker;

import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.worker.Reliability;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How dependable a worker has been over their last {@value #RECENT_SHIFTS} finished shifts (completed or
 * no-show): {@code 100 × max(0, 1 − (noShows × 1.0 + lateCheckIns × 0.25 + cancellations × 0.5) / shifts)}
 * rounded half up, null before the first, where a check-in more than 15 minutes after the shift's start
 * is late. Cancellations (a worker pulling out after being hired) do not exist in the product yet, so
 * they are always 0.
 */
public final class ReliabilityPolicy {

    public static final int RECENT_SHIFTS = 50;
    public static final Duration LATE_AFTER = Duration.ofMinutes(15);
    public static final double NO_SHOW_WEIGHT = 1.0;
    public static final double LATE_CHECK_IN_WEIGHT = 0.25;
    public static final double CANCELLATION_WEIGHT = 0.5;

    private ReliabilityPolicy() {
    }

    /** How a shift the worker was hired for ended, as far as reliability goes. */
    public enum Outcome {
        COMPLETED, NO_SHOW
    }

    /** A finished shift; {@code late} when the worker checked in late. */
    public record FinishedShift(String jobId, Outcome outcome, boolean late) {
    }

    public static boolean isLate(Instant checkedInAt, ShiftWindow shift) {
        return checkedInAt.isAfter(shift.start().plus(LATE_AFTER));
    }

    /** The reliability over the most recent {@value #RECENT_SHIFTS} of {@code shifts}, given oldest first. */
    public static Reliability of(List<FinishedShift> shifts) {
        List<FinishedShift> recent = shifts.subList(Math.max(0, shifts.size() - RECENT_SHIFTS), shifts.size());
        int noShows = (int) recent.stream().filter(shift -> shift.outcome() == Outcome.NO_SHOW).count();
        int late = (int) recent.stream().filter(FinishedShift::late).count();
        int cancellations = 0; // not in the product yet
        return new Reliability(score(recent.size(), noShows, late, cancellations), recent.size(), noShows, late,
                cancellations);
    }

    public static Integer score(int shifts, int noShows, int lateCheckIns, int cancellations) {
        if (shifts == 0) {
            return null;
        }
        BigDecimal penalty = BigDecimal.valueOf(NO_SHOW_WEIGHT).multiply(BigDecimal.valueOf(noShows))
                .add(BigDecimal.valueOf(LATE_CHECK_IN_WEIGHT).multiply(BigDecimal.valueOf(lateCheckIns)))
                .add(BigDecimal.valueOf(CANCELLATION_WEIGHT).multiply(BigDecimal.valueOf(cancellations)));
        BigDecimal kept = BigDecimal.valueOf(shifts).subtract(penalty).max(BigDecimal.ZERO);
        // exact until the one rounding, so that 87.5 becomes 88 and never 87
        return kept.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(shifts), 0, RoundingMode.HALF_UP)
                .intValueExact();
    }
}
