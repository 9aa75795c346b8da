package dev.gigstream.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.gigstream.api.GigstreamApplication.AXON_UPDATE_CHECKER_DISABLED;
import static org.assertj.core.api.Assertions.assertThat;

/** The app calls nothing outside by default: Axon's update checker stays off unless the operator turns it on. */
class AxonUpdateCheckerTest {

    private String before;

    @BeforeEach
    void clear() {
        before = System.clearProperty(AXON_UPDATE_CHECKER_DISABLED);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(AXON_UPDATE_CHECKER_DISABLED);
        } else {
            System.setProperty(AXON_UPDATE_CHECKER_DISABLED, before);
        }
    }

    @Test
    void offWhenNobodySaysOtherwise() {
        GigstreamApplication.keepAxonUpdateCheckerOff(Map.of());
        assertThat(System.getProperty(AXON_UPDATE_CHECKER_DISABLED)).isEqualTo("true");
    }

    @Test
    void onlyAxonsOwnSwitchTurnsItOn() {
        GigstreamApplication.keepAxonUpdateCheckerOff(Map.of("AXONIQ_UPDATE_CHECKER_DISABLED", "false"));
        assertThat(System.getProperty(AXON_UPDATE_CHECKER_DISABLED)).as("left to Axon, which reads the variable").isNull();

        System.setProperty(AXON_UPDATE_CHECKER_DISABLED, "false");
        GigstreamApplication.keepAxonUpdateCheckerOff(Map.of());
        assertThat(System.getProperty(AXON_UPDATE_CHECKER_DISABLED)).isEqualTo("false");
    }
}
