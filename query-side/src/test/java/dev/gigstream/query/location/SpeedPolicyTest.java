package dev.gigstream.query.location;

import dev.gigstream.messages.common.GeoPoint;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.gigstream.query.testsupport.Geo.LAGOS_ISLAND;
import static dev.gigstream.query.testsupport.Geo.pointAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpeedPolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private static LocationPing at(GeoPoint point, Double accuracyM, long secondsLater) {
        return new LocationPing("worker-1", "job-1", point, accuracyM, T0.plusSeconds(secondsLater));
    }

    @Test
    void theThresholdIsTwoHundredKilometresAnHour() {
        assertThat(SpeedPolicy.MAX_PLAUSIBLE_KMH).isEqualTo(200);
    }

    @Test
    void aMoveFasterThanTwoHundredKilometresAnHourIsImplausible() {
        var start = at(LAGOS_ISLAND, null, 0);
        // 1 km in 10 s is 360 km/h; 2 km in a minute is 120 km/h
        assertThat(SpeedPolicy.impliedKmh(start, at(pointAt(LAGOS_ISLAND, 90, 1), null, 10))).isCloseTo(360, within(0.01));
        assertThat(SpeedPolicy.implausible(start, at(pointAt(LAGOS_ISLAND, 90, 1), null, 10))).isTrue();
        assertThat(SpeedPolicy.implausible(start, at(pointAt(LAGOS_ISLAND, 90, 2), null, 60))).isFalse();
        // Lagos to Accra (about 400 km) in ten minutes
        assertThat(SpeedPolicy.implausible(start, at(new GeoPoint(5.6037, -0.1870), null, 600))).isTrue();
    }

    @Test
    void exactlyTwoHundredKilometresAnHourIsStillPlausible() {
        var start = at(LAGOS_ISLAND, null, 0);
        var edge = at(pointAt(LAGOS_ISLAND, 0, 2), null, 36); // 2 km in 36 s
        assertThat(SpeedPolicy.impliedKmh(start, edge)).isCloseTo(200, within(1e-6));
        assertThat(SpeedPolicy.implausible(start, at(pointAt(LAGOS_ISLAND, 0, 1.99), null, 36))).isFalse();
        assertThat(SpeedPolicy.implausible(start, at(pointAt(LAGOS_ISLAND, 0, 2.01), null, 36))).isTrue();
    }

    @Test
    void bothAccuracyRadiiAreTakenOffTheDistanceSoACoarseFixDoesNotLookLikeSpeed() {
        // 1 km apart in 10 s, but each fix is only good to 400 m: at least 200 m were covered, 72 km/h
        var coarse = at(LAGOS_ISLAND, 400.0, 0);
        var next = at(pointAt(LAGOS_ISLAND, 90, 1), 400.0, 10);
        assertThat(SpeedPolicy.leastDistanceKm(coarse, next)).isCloseTo(0.2, within(1e-9));
        assertThat(SpeedPolicy.impliedKmh(coarse, next)).isCloseTo(72, within(0.01));
        assertThat(SpeedPolicy.implausible(coarse, next)).isFalse();
        assertThat(SpeedPolicy.impliedKmh(at(LAGOS_ISLAND, 2_000.0, 0), next)).isZero();
    }

    @Test
    void standingStillIsNoSpeedAndAJumpWithNoTimeBetweenIsInfinitelyFast() {
        assertThat(SpeedPolicy.impliedKmh(at(LAGOS_ISLAND, null, 0), at(LAGOS_ISLAND, null, 0))).isZero();
        assertThat(SpeedPolicy.impliedKmh(at(LAGOS_ISLAND, null, 0), at(pointAt(LAGOS_ISLAND, 0, 1), null, 0)))
                .isInfinite();
        assertThat(SpeedPolicy.implausible(at(LAGOS_ISLAND, null, 0), at(pointAt(LAGOS_ISLAND, 0, 1), null, 0))).isTrue();
    }
}
