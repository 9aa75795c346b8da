package dev.gigstream.policies.compliance;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.dispute.DisputeOpened;
import dev.gigstream.messages.dispute.DisputeParty;
import dev.gigstream.policies.compliance.Occurrences.Occurrence;
import dev.gigstream.policies.compliance.Occurrences.Tally;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Three disputes against one user within 30 days: flagged at the third, not before, once. */
class DisputesAgainstUserPolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private final DisputesAgainstUserPolicy policy = new DisputesAgainstUserPolicy(3, Duration.ofDays(30));
    private List<Occurrence> pending = List.of();
    private final List<List<String>> findings = new ArrayList<>();

    private void opened(String eventId, Duration after) {
        Tally tally = policy.count(pending, new Occurrence(eventId, T0.plus(after), "dispute-" + eventId));
        pending = tally.pending();
        tally.finding().ifPresent(found -> findings.add(found.stream().map(Occurrence::eventId).toList()));
    }

    private static DisputeOpened openedBy(DisputeParty opener) {
        return new DisputeOpened(DisputeId.of("dispute-1"), JobId.of("job-1"), EscrowId.of("escrow-1"), "client-1", WorkerId.of("worker-1"),
                opener == DisputeParty.CLIENT ? "client-1" : "worker-1", opener, "work not done", "details",
                Money.of(1_500_000, Currency.NGN), Money.of(1_650_000, Currency.NGN), T0, T0.plus(Duration.ofHours(72)));
    }

    @Test
    void firesAtTheThirdDisputeWithinThirtyDays() {
        opened("a", Duration.ZERO);
        opened("b", Duration.ofDays(10));
        assertThat(findings).as("two are below the threshold").isEmpty();

        opened("c", Duration.ofDays(29));
        assertThat(findings).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void firesOnce() {
        opened("a", Duration.ZERO);
        opened("b", Duration.ofDays(1));
        opened("c", Duration.ofDays(2));
        opened("d", Duration.ofDays(3));
        opened("e", Duration.ofDays(4));
        assertThat(findings).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void disputesSpreadOverMoreThanThirtyDaysDoNotFire() {
        opened("a", Duration.ZERO);
        opened("b", Duration.ofDays(20));
        opened("c", Duration.ofDays(31));
        assertThat(findings).isEmpty();
    }

    @Test
    void aDisputeIsAgainstThePartyOppositeItsOpener() {
        assertThat(policy.accusedIn(openedBy(DisputeParty.CLIENT))).isEqualTo("worker-1");
        assertThat(policy.accusedIn(openedBy(DisputeParty.WORKER))).isEqualTo("client-1");
    }
}
