package dev.gigstream.api.reach;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Quiet hours on the person's own clock: from inclusive, to exclusive, across midnight, none when equal. */
class QuietHoursTest {

    private static final ZoneId LAGOS = ZoneId.of("Africa/Lagos"); // UTC+1
    private static final ZoneId ACCRA = ZoneId.of("Africa/Accra"); // UTC

    private static QuietHours quiet(String from, String to, ZoneId zone) {
        return new QuietHours(LocalTime.parse(from), LocalTime.parse(to), zone);
    }

    @Test
    void hoursWithinADayCoverFromInclusiveToExclusive() {
        QuietHours afternoon = quiet("13:00", "15:00", ACCRA);
        assertThat(afternoon.covers(Instant.parse("2026-12-07T12:59:59Z"))).isFalse();
        assertThat(afternoon.covers(Instant.parse("2026-12-07T13:00:00Z"))).isTrue();
        assertThat(afternoon.covers(Instant.parse("2026-12-07T14:59:59Z"))).isTrue();
        assertThat(afternoon.covers(Instant.parse("2026-12-07T15:00:00Z"))).isFalse();
    }

    @Test
    void hoursSpanningMidnightCoverTheLateEveningAndTheEarlyMorning() {
        QuietHours night = quiet("22:00", "07:00", ACCRA);
        assertThat(night.covers(Instant.parse("2026-12-07T21:59:00Z"))).isFalse();
        assertThat(night.covers(Instant.parse("2026-12-07T22:00:00Z"))).isTrue();
        assertThat(night.covers(Instant.parse("2026-12-07T23:59:59Z"))).isTrue();
        assertThat(night.covers(Instant.parse("2026-12-08T00:00:00Z"))).isTrue();
        assertThat(night.covers(Instant.parse("2026-12-08T06:59:59Z"))).isTrue();
        assertThat(night.covers(Instant.parse("2026-12-08T07:00:00Z"))).isFalse();
        assertThat(night.covers(Instant.parse("2026-12-08T12:00:00Z"))).isFalse();
    }

    @Test
    void equalTimesAreNoQuietHours() {
        QuietHours none = quiet("22:00", "22:00", ACCRA);
        assertThat(none.covers(Instant.parse("2026-12-07T22:00:00Z"))).isFalse();
        assertThat(none.covers(Instant.parse("2026-12-07T03:00:00Z"))).isFalse();
    }

    @Test
    void theHoursAreReadOnThePersonsClock() {
        Instant nineThirtyUtc = Instant.parse("2026-12-07T21:30:00Z"); // 22:30 in Lagos, 21:30 in Accra
        assertThat(quiet("22:00", "07:00", LAGOS).covers(nineThirtyUtc)).isTrue();
        assertThat(quiet("22:00", "07:00", ACCRA).covers(nineThirtyUtc)).isFalse();
        Instant sixThirtyUtc = Instant.parse("2026-12-08T06:30:00Z"); // 07:30 in Lagos, 06:30 in Accra
        assertThat(quiet("22:00", "07:00", LAGOS).covers(sixThirtyUtc)).isFalse();
        assertThat(quiet("22:00", "07:00", ACCRA).covers(sixThirtyUtc)).isTrue();
    }
}
