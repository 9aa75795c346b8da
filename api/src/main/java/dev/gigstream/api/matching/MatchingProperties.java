package dev.gigstream.api.matching;

import dev.gigstream.policies.matching.MatchingSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How new jobs are offered ({@code gigstream.matching.*}): {@code waveSize} workers at once, the next as
 * many after {@code waveDelay} while the job is open, in {@code waves} waves (so {@code waveSize × waves}
 * offers at most, 20 by default as before waves); each offer lapses after {@code offerLifetime}.
 */
@ConfigurationProperties("gigstream.matching")
public record MatchingProperties(@DefaultValue("10") int waveSize,
                                 @DefaultValue("2") int waves,
                                 @DefaultValue("2m") Duration waveDelay,
                                 @DefaultValue("15m") Duration offerLifetime) {

    MatchingSettings settings() {
        return new MatchingSettings(waveSize, waves, waveDelay, offerLifetime);
    }
}
