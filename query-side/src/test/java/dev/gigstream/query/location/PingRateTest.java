package dev.gigstream.query.location;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PingRateTest {

    private static final Instant LAST = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void aPingIsTakenOnceTenSecondsHavePassedSinceTheLastAcceptedOne() {
        assertThat(PingRate.MIN_INTERVAL).isEqualTo(Duration.ofSeconds(10));
        assertThat(PingRate.accepts(LAST, LAST.plusSeconds(10))).isTrue();
        assertThat(PingRate.accepts(LAST, LAST.plusSeconds(60))).isTrue();
        assertThat(PingRate.accepts(LAST, LAST.plusSeconds(10).minusMillis(1))).isFalse();
        assertThat(PingRate.accepts(LAST, LAST)).isFalse();
    }

    @Test
    void theWaitIsToldInWholeSecondsRoundedUpAndNeverLessThanOne() {
        assertThat(PingRate.retryAfterSeconds(LAST, LAST)).isEqualTo(10);
        assertThat(PingRate.retryAfterSeconds(LAST, LAST.plusMillis(3_200))).isEqualTo(7);
        assertThat(PingRate.retryAfterSeconds(LAST, LAST.plusSeconds(3))).isEqualTo(7);
        assertThat(PingRate.retryAfterSeconds(LAST, LAST.plusMillis(9_999))).isEqualTo(1);
        assertThat(PingRate.retryAfterSeconds(LAST, LAST.plusSeconds(10))).isEqualTo(1);
    }

    @Test
    void aLastPingFromAClockAheadOfOursMakesTheWaitLonger() {
        assertThat(PingRate.retryAfterSeconds(LAST.plusSeconds(2), LAST)).isEqualTo(12);
    }
}
