package dev.gigstream.messages.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class GeoPointTest {

    private static final GeoPoint LAGOS = new GeoPoint(6.5244, 3.3792);
    private static final GeoPoint ACCRA = new GeoPoint(5.6037, -0.1870);

    @Test
    void theDistanceFromLagosToAccraIsAboutFourHundredAndSevenKilometres() {
        assertThat(LAGOS.distanceKmTo(ACCRA)).isCloseTo(407.39, within(0.05));
        assertThat(ACCRA.distanceKmTo(LAGOS)).isEqualTo(LAGOS.distanceKmTo(ACCRA));
        assertThat(LAGOS.distanceKmTo(LAGOS)).isZero();
    }

    @Test
    void coordinatesOutsideTheGlobeAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(90.1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(0, -180.5));
        assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(Double.NaN, 0));
    }
}
