package dev.gigstream.api.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;

/**
 * Imported by tests that move time: the application's {@link Clock} becomes {@link #CLOCK}, which a
 * test moves forward and resets after itself.
 */
@TestConfiguration
public class MovableTime {

    public static final MovableClock CLOCK = new MovableClock();

    @Bean
    @Primary
    Clock movableClock() {
        return CLOCK;
    }
}
