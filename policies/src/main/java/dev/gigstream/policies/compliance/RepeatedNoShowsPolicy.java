package dev.gigstream.policies.compliance;

import dev.gigstream.messages.compliance.ComplianceRule;
import dev.gigstream.messages.job.WorkerNoShow;

import java.time.Duration;

/** A worker who did not come to {@code threshold} funded shifts within {@code window} (2 in 30 days) is flagged. */
public record RepeatedNoShowsPolicy(Occurrences occurrences) implements CountingRule {

    public RepeatedNoShowsPolicy(int threshold, Duration window) {
        this(new Occurrences(threshold, window));
    }

    @Override
    public ComplianceRule rule() {
        return ComplianceRule.REPEATED_NO_SHOWS;
    }

    /** The worker the no-show counts against. */
    public String subjectOf(WorkerNoShow noShow) {
        return noShow.workerId().value();
    }
}
