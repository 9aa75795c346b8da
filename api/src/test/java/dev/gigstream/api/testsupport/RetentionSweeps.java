package dev.gigstream.api.testsupport;

import dev.gigstream.api.retention.Retained;
import dev.gigstream.api.retention.RetentionProperties;
import dev.gigstream.api.retention.RetentionRule;
import dev.gigstream.api.retention.RetentionSweep;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Retention sweeps over the stores a test is about; the other rules get a store that holds nothing. */
public final class RetentionSweeps {

    /** The application's defaults, with batches of two so that a sweep of a few items runs several. */
    public static final RetentionProperties DEFAULTS = new RetentionProperties(Duration.ofDays(30), Duration.ofDays(7),
            Duration.ofDays(180), Duration.ofDays(180), Duration.ofDays(730), Duration.ofDays(7), Duration.ofMinutes(15), 2);

    private RetentionSweeps() {
    }

    public static RetentionSweep over(Clock clock, Retained... stores) {
        List<Retained> all = new ArrayList<>(List.of(stores));
        Set<RetentionRule> missing = EnumSet.allOf(RetentionRule.class);
        all.forEach(store -> missing.remove(store.rule()));
        missing.forEach(rule -> all.add(Retained.of(rule, (cutoff, batch) -> 0)));
        return new RetentionSweep(all, DEFAULTS, clock);
    }
}
