package dev.gigstream.api.location;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.job.JobSite;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.JobView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocationWindowTest {

    static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
    static final ShiftWindow SHIFT = new ShiftWindow(START, START.plus(Duration.ofHours(8)));

    static JobView job(JobStatus status, Instant checkedInAt, Instant checkedOutAt) {
        return new JobView("job-1", "client-1", "Barista", "", List.of("barista"),
                new JobSite(new GeoPoint(6.4541, 3.3947), "1 Marina"), SHIFT, Money.of(1_500_000, Currency.NGN), status,
                START.minus(Duration.ofDays(1)), "worker-1", "escrow-1", List.of(), checkedInAt, checkedOutAt, false, null);
    }

    @Test
    void theLocationIsTakenFromNinetyMinutesBeforeTheStart() {
        var funded = job(JobStatus.FUNDED, null, null);
        assertThat(LocationWindow.OPENS_BEFORE_START).isEqualTo(Duration.ofMinutes(90));
        assertThat(LocationWindow.closedBecause(funded, START.minus(Duration.ofMinutes(90)).minusMillis(1))).isPresent();
        assertThat(LocationWindow.closedBecause(funded, START.minus(Duration.ofMinutes(90)))).isEmpty();
        assertThat(LocationWindow.closedBecause(funded, START.minus(Duration.ofMinutes(30)))).isEmpty();
        assertThat(LocationWindow.closedBecause(funded, START.minus(Duration.ofHours(3))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("90 minutes before the shift starts"));
    }

    @Test
    void itIsTakenUntilCheckOutEvenPastTheShiftsEnd() {
        var working = job(JobStatus.IN_PROGRESS, START.plusSeconds(60), null);
        assertThat(LocationWindow.closedBecause(working, START.plus(Duration.ofHours(4)))).isEmpty();
        assertThat(LocationWindow.closedBecause(working, SHIFT.end().plus(Duration.ofMinutes(90)))).as("not checked out yet")
                .isEmpty();

        Instant checkedOut = START.plus(Duration.ofHours(8));
        var done = job(JobStatus.AWAITING_CONFIRMATION, START.plusSeconds(60), checkedOut);
        assertThat(LocationWindow.closedBecause(done, checkedOut.plusSeconds(1)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("checked out"));
        assertThat(LocationWindow.closedBecause(job(JobStatus.IN_PROGRESS, START, checkedOut), checkedOut.plusSeconds(1)))
                .as("a check-out the job's status does not show yet").isPresent();
    }

    @Test
    void aWorkerWhoNeverCheckedInIsNoLongerTrackedOnceTheShiftHasEnded() {
        var funded = job(JobStatus.FUNDED, null, null);
        assertThat(LocationWindow.closedBecause(funded, SHIFT.end().minusMillis(1))).isEmpty();
        assertThat(LocationWindow.closedBecause(funded, SHIFT.end())).isPresent();
    }

    @ParameterizedTest
    @EnumSource(value = JobStatus.class, names = {"FUNDED", "IN_PROGRESS"}, mode = EnumSource.Mode.EXCLUDE)
    void onlyAFundedShiftThatIsOnIsTracked(JobStatus status) {
        var job = job(status, null, null);
        assertThat(LocationWindow.closedBecause(job, START)).hasValueSatisfying(reason -> assertThat(reason).contains(status.name()));
        assertThatThrownBy(() -> LocationWindow.requireOpen(job, START)).isInstanceOfSatisfying(RefusedException.class,
                refused -> assertThat(refused.refusal().code()).isEqualTo("OUTSIDE_LOCATION_WINDOW"));
    }
}
