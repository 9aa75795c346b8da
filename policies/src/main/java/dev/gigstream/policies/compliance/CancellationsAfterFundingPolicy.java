package dev.gigstream.policies.compliance;

import dev.gigstream.messages.compliance.ComplianceRule;
import dev.gigstream.messages.job.JobCancelled;

import java.time.Duration;
import java.util.Optional;

/**
 * A client who cancelled {@code threshold} of their jobs after paying into escrow within
 * {@code window} (3 in 30 days) is flagged: each such cancellation leaves a hired worker without the
 * shift they kept free. A cancellation before funding is free and does not count.
 */
public record CancellationsAfterFundingPolicy(Occurrences occurrences) implements CountingRule {

    public CancellationsAfterFundingPolicy(int threshold, Duration window) {
        this(new Occurrences(threshold, window));
    }

    @Override
    public ComplianceRule rule() {
        return ComplianceRule.CANCELLATIONS_AFTER_FUNDING;
    }

    /**
     * The client the cancellation counts against: only a funded job (the event names its escrow) cancelled
     * by its own client ({@code clientOfJob}, null when unknown) counts.
     */
    public Optional<String> clientCounted(JobCancelled cancelled, String clientOfJob) {
        boolean funded = cancelled.escrowId() != null;
        boolean byTheClient = cancelled.cancelledBy() != null
                && (clientOfJob == null || clientOfJob.equals(cancelled.cancelledBy()));
        return funded && byTheClient ? Optional.of(cancelled.cancelledBy()) : Optional.empty();
    }
}
