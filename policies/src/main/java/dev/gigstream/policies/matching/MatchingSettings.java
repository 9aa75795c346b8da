package dev.gigstream.policies.matching;

import java.time.Duration;

/**
 * How a new job is offered: to the {@code waveSize} best fitting workers at once, then, every
 * {@code waveDelay} while it is still open, to the next {@code waveSize}, in {@code waves} waves at most
 * (so to {@code waveSize × waves} workers in all); each offer lapses after {@code offerLifetime}.
 */
public record MatchingSettings(int waveSize, int waves, Duration waveDelay, Duration offerLifetime) {

    public static final MatchingSettings DEFAULTS = new MatchingSettings(10, 2, Duration.ofMinutes(2), Duration.ofMinutes(15));

    public MatchingSettings {
        if (waveSize < 1 || waves < 1) {
            throw new IllegalArgumentException("a job is offered in at least one wave of at least one worker");
        }
        if (waveDelay.isNegative() || waveDelay.isZero() || offerLifetime.isNegative() || offerLifetime.isZero()) {
            throw new IllegalArgumentException("the wave delay and the offer lifetime are positive");
        }
    }
}
