package dev.gigstream.policies.compliance;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.job.WorkerNoShow;
import dev.gigstream.policies.compliance.Occurrences.Occurrence;
import dev.gigstream.policies.compliance.Occurrences.Tally;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two no-shows of a worker within 30 days: flagged at the second, not at the first, and each no-show once. */
class RepeatedNoShowsPolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private final RepeatedNoShowsPolicy policy = new RepeatedNoShowsPolicy(2, Duration.ofDays(30));
    private List<Occurrence> pending = List.of();
    private final List<List<String>> findings = new ArrayList<>();

    private void noShow(String eventId, Duration after) {
        Tally tally = policy.count(pending, new Occurrence(eventId, T0.plus(after), "job-" + eventId));
        pending = tally.pending();
        tally.finding().ifPresent(found -> findings.add(found.stream().map(Occurrence::eventId).toList()));
    }

    @Test
    void firesAtTheSecondNoShowWithinThirtyDaysNotAtTheFirst() {
        noShow("a", Duration.ZERO);
        assertThat(findings).as("one no-show is below the threshold").isEmpty();

        noShow("b", Duration.ofDays(12));
        assertThat(findings).containsExactly(List.of("a", "b"));
    }

    @Test
    void firesOnceEachNoShowBeingEvidenceOfOneFlagAtMost() {
        noShow("a", Duration.ZERO);
        noShow("b", Duration.ofDays(1));
        noShow("c", Duration.ofDays(2));
        assertThat(findings).as("the third is not a second flag about the first two").containsExactly(List.of("a", "b"));

        noShow("d", Duration.ofDays(3));
        assertThat(findings).containsExactly(List.of("a", "b"), List.of("c", "d"));
    }

    @Test
    void theWindowIsThirtyDaysBothEndsIncluded() {
        noShow("a", Duration.ZERO);
        noShow("b", Duration.ofDays(30).plusSeconds(1));
        assertThat(findings).as("more than 30 days apart").isEmpty();

        noShow("c", Duration.ofDays(60).plusSeconds(1));
        assertThat(findings).as("exactly 30 days after b").containsExactly(List.of("b", "c"));
    }

    @Test
    void theThresholdAndWindowAreSettings() {
        var three = new RepeatedNoShowsPolicy(3, Duration.ofDays(7));
        Tally first = three.count(List.of(), new Occurrence("a", T0, "job-a"));
        Tally second = three.count(first.pending(), new Occurrence("b", T0.plus(Duration.ofDays(6)), "job-b"));
        Tally third = three.count(second.pending(), new Occurrence("c", T0.plus(Duration.ofDays(7)), "job-c"));
        assertThat(second.finding()).isEmpty();
        assertThat(third.finding()).hasValueSatisfying(found -> assertThat(found).hasSize(3));
        assertThatThrownBy(() -> new RepeatedNoShowsPolicy(0, Duration.ofDays(30))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RepeatedNoShowsPolicy(2, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNoShowCountsAgainstTheWorker() {
        assertThat(policy.subjectOf(new WorkerNoShow(JobId.of("job-1"), WorkerId.of("worker-1"), EscrowId.of("escrow-1"), Money.of(0, Currency.NGN))))
                .isEqualTo("worker-1");
    }
}
