package dev.gigstream.policies.compliance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The location rules fire at their threshold, not below (once per signal: see LocationFlagsTest). */
class LocationPoliciesTest {

    @Test
    void anImpossibleSpeedIsTwoHundredKilometresAnHourOrMore() {
        var policy = new ImpossibleSpeedPolicy(200);
        assertThat(policy.flags(199.99)).isFalse();
        assertThat(policy.flags(200)).isTrue();
        assertThat(policy.flags(Double.POSITIVE_INFINITY)).as("a move with no time in between").isTrue();
        assertThat(new ImpossibleSpeedPolicy(500).flags(400)).isFalse();
        assertThatThrownBy(() -> new ImpossibleSpeedPolicy(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFarCheckInIsAKilometreOrMoreFromTheLastPing() {
        var policy = new FarCheckInPolicy(1.0);
        assertThat(policy.flags(0.999)).isFalse();
        assertThat(policy.flags(1.0)).isTrue();
        assertThat(new FarCheckInPolicy(5).flags(3)).isFalse();
        assertThatThrownBy(() -> new FarCheckInPolicy(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
