package dev.gigstream.policies.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Counting a subject's occurrences of one kind within a sliding window: {@code threshold} of them
 * within {@code window} of each other (both ends included) make a finding. Each occurrence is
 * evidence of one finding at most, so a rule fires at its threshold, not below, and once: the
 * occurrences after a finding count towards the next one.
 */
public record Occurrences(int threshold, Duration window) {

    /** One occurrence: the event that is its evidence, when it happened (the event's timestamp) and what it was about. */
    public record Occurrence(String eventId, Instant at, String about) {

        public Occurrence {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * After an occurrence: those still waiting to count, and the finding when the threshold was reached
     * (the occurrences that make it up, oldest first).
     */
    public record Tally(List<Occurrence> pending, Optional<List<Occurrence>> finding) {
    }

    public Occurrences {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
    }

    /** Counts {@code next} with the occurrences still {@code pending} (none of them already evidence of a finding). */
    public Tally count(List<Occurrence> pending, Occurrence next) {
        List<Occurrence> all = new ArrayList<>(pending);
        all.add(next);
        all.sort(Comparator.comparing(Occurrence::at));
        Instant latest = all.get(all.size() - 1).at();
        List<Occurrence> inWindow = all.stream().filter(o -> !o.at().isBefore(latest.minus(window))).toList();
        if (inWindow.size() >= threshold) {
            return new Tally(List.of(), Optional.of(inWindow));
        }
        return new Tally(inWindow, Optional.empty());
    }
}
