package dev.gigstream.query.ranking;

import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.worker.AvailabilityWindow;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whether weekly availability windows cover a whole shift, read in the shift's local time. A shift
 * past midnight needs the evening of one day and the morning of the next; adjoining windows
 * (08:00-12:00 and 12:00-18:00) count as one.
 */
final class ShiftCoverage {

    private static final int END_OF_DAY = 24 * 3600;

    private ShiftCoverage() {
    }

    static boolean covers(List<AvailabilityWindow> windows, ShiftWindow shift, ZoneId zone) {
        ZonedDateTime start = shift.start().atZone(zone);
        ZonedDateTime end = shift.end().atZone(zone);
        for (LocalDate day = start.toLocalDate(); day.atStartOfDay(zone).isBefore(end); day = day.plusDays(1)) {
            ZonedDateTime dayStart = day.atStartOfDay(zone);
            ZonedDateTime dayEnd = day.plusDays(1).atStartOfDay(zone);
            int from = start.isAfter(dayStart) ? start.toLocalTime().toSecondOfDay() : 0;
            int to = end.isBefore(dayEnd) ? end.toLocalTime().toSecondOfDay() : END_OF_DAY;
            if (from < to && !coveredOn(day, from, to, windows)) {
                return false;
            }
        }
        return true;
    }

    private static boolean coveredOn(LocalDate day, int from, int to, List<AvailabilityWindow> windows) {
        List<int[]> spans = new ArrayList<>();
        for (AvailabilityWindow window : windows) {
            if (window.dayOfWeek() == day.getDayOfWeek()) {
                spans.add(new int[]{window.from().toSecondOfDay(), endOf(window.to())});
            }
        }
        spans.sort(Comparator.comparingInt(span -> span[0]));
        int reached = from;
        for (int[] span : spans) {
            if (span[0] <= reached && span[1] > reached) {
                reached = span[1];
            }
        }
        return reached >= to;
    }

    private static int endOf(LocalTime to) {
        return to.equals(LocalTime.MAX) ? END_OF_DAY : to.toSecondOfDay();
    }
}
