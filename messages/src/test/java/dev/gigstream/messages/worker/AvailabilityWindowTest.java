package dev.gigstream.messages.worker;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AvailabilityWindowTest {

    private static AvailabilityWindow monday(int from, int to) {
        return new AvailabilityWindow(DayOfWeek.MONDAY, LocalTime.of(from, 0), LocalTime.of(to, 0));
    }

    @Test
    void aWindowEndsAfterItStarts() {
        assertThatIllegalArgumentException().isThrownBy(() -> monday(18, 8));
        assertThatIllegalArgumentException().isThrownBy(() -> monday(8, 8));
    }

    @Test
    void windowsThatOnlyTouchDoNotOverlap() {
        assertThat(monday(8, 12).overlaps(monday(12, 18))).isFalse();
        assertThat(monday(8, 13).overlaps(monday(12, 18))).isTrue();
        assertThat(monday(8, 18).overlaps(new AvailabilityWindow(DayOfWeek.TUESDAY, LocalTime.of(8, 0),
                LocalTime.of(18, 0)))).isFalse();
    }
}
