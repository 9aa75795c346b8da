package dev.gigstream.messages.compliance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A compliance rule found {@code subjectId} (a user, or a payout account's key) worth an admin's look.
 * {@code evidence} are the identifiers of the events that raised it; {@code flagId} comes from
 * {@link ComplianceFlagIds}, so the same finding sent again (a redelivery, another instance) is the
 * same flag, raised once.
 */
public record RaiseComplianceFlag(@TargetAggregateIdentifier String flagId,
                                  ComplianceRule rule,
                                  String subjectId,
                                  List<String> evidence,
                                  Map<String, String> details,
                                  Instant raisedAt) {

    public RaiseComplianceFlag {
        evidence = evidence == null ? null : List.copyOf(evidence);
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
