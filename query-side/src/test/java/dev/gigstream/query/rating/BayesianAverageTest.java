package dev.gigstream.query.rating;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BayesianAverageTest {

    private final BayesianAverage bayesian = new BayesianAverage(5);

    @Test
    void oneFiveStarRatingDoesNotOutrankFiftyOfFourPointEight() {
        // platform: 4200 stars in 1000 ratings, a mean of 4.2 (the two users' 51 ratings among them)
        double single = bayesian.of(1, 5, 1000, 4200);
        double many = bayesian.of(50, 240, 1000, 4200);

        assertThat(single).isCloseTo((5 * 4.2 + 5) / 6, within(1e-9)); // 4.333
        assertThat(many).isCloseTo((5 * 4.2 + 240) / 55, within(1e-9)); // 4.745
        assertThat(many).isGreaterThan(single);
    }

    @Test
    void aPlatformMeanAboveTheManyRatingsKeepsTheSingleOneAhead() {
        // with only these two users on the platform the mean is 245 / 51 ≈ 4.804: the single 5★ is pulled down
        // to ≈ 4.837, still above the fifty 4.8★ (≈ 4.800). (5m + 5) / 6 < (5m + 240) / 55 holds only for a
        // platform mean m below 1165 / 245 ≈ 4.755
        assertThat(bayesian.of(1, 5, 51, 245)).isCloseTo((5 * 245.0 / 51 + 5) / 6, within(1e-9));
        assertThat(bayesian.of(1, 5, 51, 245)).isGreaterThan(bayesian.of(50, 240, 51, 245));
    }

    @Test
    void anUnratedUserHasNoAverage() {
        assertThat(bayesian.of(0, 0, 10, 40)).isNull();
        assertThat(BayesianAverage.plain(0, 0)).isNull();
        assertThat(BayesianAverage.plain(4, 18)).isEqualTo(4.5);
    }

    @Test
    void withoutAPriorWeightItIsThePlainAverage() {
        assertThat(new BayesianAverage(0).of(3, 12, 100, 300)).isEqualTo(4.0);
    }
}
