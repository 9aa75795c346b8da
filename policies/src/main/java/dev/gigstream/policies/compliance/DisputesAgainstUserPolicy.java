package dev.gigstream.policies.compliance;

import dev.gigstream.messages.compliance.ComplianceRule;
import dev.gigstream.messages.dispute.DisputeOpened;
import dev.gigstream.messages.dispute.DisputeParty;

import java.time.Duration;

/**
 * A user against whom {@code threshold} disputes were opened within {@code window} (3 in 30 days) is
 * flagged. A dispute is against the party opposite its opener: the worker when the client opened it
 * (a chargeback opens one on the client's behalf), the client when the worker did.
 */
public record DisputesAgainstUserPolicy(Occurrences occurrences) implements CountingRule {

    public DisputesAgainstUserPolicy(int threshold, Duration window) {
        this(new Occurrences(threshold, window));
    }

    @Override
    public ComplianceRule rule() {
        return ComplianceRule.DISPUTES_AGAINST_USER;
    }

    public String accusedIn(DisputeOpened opened) {
        return opened.openerRole() == DisputeParty.CLIENT ? opened.workerId().value() : opened.clientId();
    }
}
