package dev.gigstream.messages.compliance;

import dev.gigstream.messages.common.NotPersonal;
import dev.gigstream.messages.common.PersonalData;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code evidence}: the identifiers of the events that raised the flag; {@code details}: what the rule measured. */
public record ComplianceFlagRaised(@NotPersonal String flagId,
                                   ComplianceRule rule,
                                   @NotPersonal String subjectId,
                                   @NotPersonal List<String> evidence,
                                   @PersonalData(subject = "subjectId") Map<String, String> details,
                                   Instant raisedAt) {

    public ComplianceFlagRaised {
        evidence = List.copyOf(evidence);
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
