package dev.gigstream.policies.compliance;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.job.JobCancelled;
import dev.gigstream.policies.compliance.Occurrences.Occurrence;
import dev.gigstream.policies.compliance.Occurrences.Tally;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Three cancellations of funded jobs by their client within 30 days: flagged at the third, not before, once. */
class CancellationsAfterFundingPolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Money NOTHING = Money.of(0, Currency.NGN);

    private final CancellationsAfterFundingPolicy policy = new CancellationsAfterFundingPolicy(3, Duration.ofDays(30));
    private List<Occurrence> pending = List.of();
    private final List<List<String>> findings = new ArrayList<>();

    private void cancelled(String eventId, Duration after) {
        Tally tally = policy.count(pending, new Occurrence(eventId, T0.plus(after), "job-" + eventId));
        pending = tally.pending();
        tally.finding().ifPresent(found -> findings.add(found.stream().map(Occurrence::eventId).toList()));
    }

    @Test
    void firesAtTheThirdCancellationWithinThirtyDaysAndOnce() {
        cancelled("a", Duration.ZERO);
        cancelled("b", Duration.ofDays(5));
        assertThat(findings).isEmpty();

        cancelled("c", Duration.ofDays(30));
        cancelled("d", Duration.ofDays(31));
        assertThat(findings).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void onlyAFundedJobCancelledByItsClientCounts() {
        var funded = new JobCancelled(JobId.of("job-1"), "client-1", "plans changed", EscrowId.of("escrow-1"), Money.of(750_000, Currency.NGN));
        var beforeFunding = new JobCancelled(JobId.of("job-1"), "client-1", "plans changed", null, NOTHING);

        assertThat(policy.clientCounted(funded, "client-1")).contains("client-1");
        assertThat(policy.clientCounted(funded, null)).as("the job's client not known: the canceller").contains("client-1");
        assertThat(policy.clientCounted(beforeFunding, "client-1")).as("a cancellation before funding is free").isEmpty();
        assertThat(policy.clientCounted(funded, "client-2")).as("cancelled by someone else than the client").isEmpty();
    }
}
