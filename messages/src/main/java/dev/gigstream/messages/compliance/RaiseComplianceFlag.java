package dev.gigstream.messages.compliance;

import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;

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
public record RaiseComplianceFlag(@NotPersonal @TargetAggregateIdentifier String flagId,
                                  ComplianceRule rule,
                                  @NotPersonal String subjectId,
                                  @NotPersonal List<String> evidence,
                                  @PersonalData(subject = "subjectId") Map<String, String> details,
                                  Instant raisedAt) {

    public RaiseComplianceFlag {
        evidence = evidence == null ? null : List.copyOf(evidence);
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
