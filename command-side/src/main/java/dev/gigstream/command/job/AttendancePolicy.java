package dev.gigstream.command.job;

import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.job.JobRules;

import java.time.Duration;
import java.time.Instant;

/**
 * When and where a hired worker counts as present: check-in within {@value #GEOFENCE_METERS} m of
 * the site, from an hour before the start until the end of the shift; the client may report a
 * no-show once the shift has been running for half an hour without a check-in.
 */
final class AttendancePolicy {

    static final double GEOFENCE_METERS = JobRules.GEOFENCE_METRES;
    static final Duration EARLIEST_CHECK_IN = Duration.ofMinutes(60);
    static final Duration NO_SHOW_GRACE = Duration.ofMinutes(JobRules.NO_SHOW_AFTER_MINUTES);

    private AttendancePolicy() {
    }

    static double metersBetween(GeoPoint site, GeoPoint location) {
        return site.distanceKmTo(location) * 1_000;
    }

    static boolean withinGeofence(double meters) {
        return meters <= GEOFENCE_METERS;
    }

    static boolean mayCheckIn(ShiftWindow shift, Instant at) {
        return !at.isBefore(shift.start().minus(EARLIEST_CHECK_IN)) && at.isBefore(shift.end());
    }

    static boolean mayReportNoShow(ShiftWindow shift, Instant at) {
        return !at.isBefore(shift.start().plus(NO_SHOW_GRACE));
    }
}
